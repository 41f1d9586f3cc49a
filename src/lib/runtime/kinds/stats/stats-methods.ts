// The methods a stats cell may name. A new method is one object (stats-method.ts) and one entry.
import { compareMeans, compareProportions, sequential } from './analysis-methods';
import { minimumDetectableEffect, powerCurve, sampleSize } from './planning-methods';
import { scenarios, simulate } from './simulation-methods';
import type { StatsMethod } from './stats-method';

export const STATS_METHODS: ReadonlyMap<string, StatsMethod> = new Map([
	['sample_size', sampleSize],
	['mde', minimumDetectableEffect],
	['power_curve', powerCurve],
	['compare_proportions', compareProportions],
	['compare_means', compareMeans],
	['sequential', sequential],
	['simulate', simulate],
	['scenarios', scenarios]
]);
