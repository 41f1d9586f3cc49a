import { studentTQuantile } from './distributions';
import type { Interval } from './interval';
import { summarize, type SummaryStats } from './moments';
import { checkUnitInterval } from './validate';
import { checkSummary, welchTTest } from './welch-t-test';

export interface TInterval extends Interval {
	standardError: number;
	df: number;
}

function toSummary(name: string, sample: ArrayLike<number> | SummaryStats): SummaryStats {
	const isSummary = typeof sample === 'object' && sample !== null && 'mean' in sample;
	return checkSummary(name, isSummary ? (sample as SummaryStats) : summarize(sample as ArrayLike<number>));
}

/** t interval for a mean: m ± t_{n−1, 1−(1−confidence)/2} · sd/√n (from values or { mean, sd, n }). */
export function tInterval(sample: ArrayLike<number> | SummaryStats, confidence = 0.95): TInterval {
	checkUnitInterval('confidence', confidence);
	const s = toSummary('sample', sample);
	const standardError = s.sd / Math.sqrt(s.n);
	const df = s.n - 1;
	const half = studentTQuantile(1 - (1 - confidence) / 2, df) * standardError;
	return { estimate: s.mean, lower: s.mean - half, upper: s.mean + half, standardError, df };
}

export interface TIntervalDifferenceOptions {
	/** Default 0.95. */
	confidence?: number;
	/** Pool the variances (Student, df = n1 + n2 − 2) instead of Welch's interval (default false). */
	equalVariance?: boolean;
}

/**
 * t interval for mean2 − mean1. Welch (default): SE = √(sd1²/n1 + sd2²/n2) with the
 * Welch–Satterthwaite df. Pooled: SE = s_p √(1/n1 + 1/n2), s_p² = ((n1−1)sd1² + (n2−1)sd2²)/(n1+n2−2).
 */
export function tIntervalDifference(
	group1: ArrayLike<number> | SummaryStats,
	group2: ArrayLike<number> | SummaryStats,
	options: TIntervalDifferenceOptions = {}
): TInterval {
	const { confidence = 0.95, equalVariance = false } = options;
	checkUnitInterval('confidence', confidence);
	const a = toSummary('group1', group1);
	const b = toSummary('group2', group2);
	if (!equalVariance) {
		const w = welchTTest(a, b, { confidence });
		return { estimate: w.difference, lower: w.lower, upper: w.upper, standardError: w.standardError, df: w.df };
	}
	const df = a.n + b.n - 2;
	const pooledVariance = ((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / df;
	const standardError = Math.sqrt(pooledVariance * (1 / a.n + 1 / b.n));
	const estimate = b.mean - a.mean;
	const half = studentTQuantile(1 - (1 - confidence) / 2, df) * standardError;
	return { estimate, lower: estimate - half, upper: estimate + half, standardError, df };
}
