import type { Alternative } from './alternative';
import { mulberry32 } from './mulberry32';
import { twoProportionZTest } from './two-proportion-z-test';
import { checkClosedUnitInterval, checkInteger, checkUnitInterval } from './validate';
import { wilsonInterval } from './wilson-interval';

export interface SimulateExperimentOptions {
	/** Outcomes of real users, each 0 or 1 (e.g. whether each user of a segment bought again). */
	population: ArrayLike<number>;
	/** Users drawn into each of the two groups; 2 · nPerGroup must not exceed the population. */
	nPerGroup: number;
	/** Repetitions; default 1,000. */
	reps?: number;
	/** Level of each test; default 0.05. */
	alpha?: number;
	/** Default 1. */
	seed?: number;
	/**
	 * Planted effect: the treatment rate p2 >= p1 (p1 the population rate). In the treatment group each
	 * non-converter converts with probability (p2 − p1)/(1 − p1). Omit for an A/A test.
	 */
	targetRate?: number;
	/** Default 'two-sided'. */
	alternative?: Alternative;
	/** Level of the Wilson interval of the rejection rate; default 0.95. */
	confidence?: number;
}

export interface SimulateExperiment {
	kind: 'A/A' | 'A/B';
	populationRate: number;
	targetRate: number;
	reps: number;
	rejections: number;
	/** Rejections / reps: the false-positive rate (A/A) or the empirical power (A/B). */
	rejectionRate: number;
	/** Wilson interval of the rejection rate. */
	lower: number;
	upper: number;
}

/**
 * Resampling experiment on a real population: each repetition draws two disjoint groups of
 * nPerGroup users without replacement (a partial Fisher–Yates shuffle of the first 2·nPerGroup
 * places), plants the effect in group 2 if asked, and runs the two-proportion z-test at alpha.
 */
export function simulateExperiment(options: SimulateExperimentOptions): SimulateExperiment {
	const { population, nPerGroup, reps = 1000, alpha = 0.05, seed = 1, alternative = 'two-sided', confidence = 0.95 } = options;
	if (population == null || typeof population.length !== 'number') {
		throw new Error('invalid population: must be an array of 0/1 outcomes');
	}
	const size = population.length;
	const outcomes = new Uint8Array(size);
	let converters = 0;
	for (let i = 0; i < size; i++) {
		const v = population[i];
		if (v !== 0 && v !== 1) throw new Error(`invalid population[${i}]: ${v} (must be 0 or 1)`);
		outcomes[i] = v;
		converters += v;
	}
	checkInteger('nPerGroup', nPerGroup, 1);
	if (2 * nPerGroup > size) throw new Error(`invalid nPerGroup: ${nPerGroup} (two groups must fit in the population of ${size})`);
	checkInteger('reps', reps, 1);
	checkUnitInterval('alpha', alpha);
	checkUnitInterval('confidence', confidence);
	const p1 = converters / size;
	const targetRate = options.targetRate ?? p1;
	checkClosedUnitInterval('targetRate', targetRate);
	if (targetRate < p1) throw new Error(`invalid targetRate: ${targetRate} (must be >= the population rate ${p1})`);
	const convert = p1 < 1 ? (targetRate - p1) / (1 - p1) : 0;
	const random = mulberry32(seed);
	const drawn = 2 * nPerGroup;
	let rejections = 0;
	for (let r = 0; r < reps; r++) {
		let x1 = 0;
		let x2 = 0;
		for (let i = 0; i < drawn; i++) {
			const j = i + Math.floor(random() * (size - i));
			const v = outcomes[j];
			outcomes[j] = outcomes[i];
			outcomes[i] = v;
			if (i < nPerGroup) x1 += v;
			else if (v === 1 || (convert > 0 && random() < convert)) x2++;
		}
		if (twoProportionZTest({ x1, n1: nPerGroup, x2, n2: nPerGroup }, { alternative }).pValue <= alpha) rejections++;
	}
	const interval = wilsonInterval(rejections, reps, confidence);
	return {
		kind: options.targetRate === undefined || convert === 0 ? 'A/A' : 'A/B',
		populationRate: p1,
		targetRate,
		reps,
		rejections,
		rejectionRate: rejections / reps,
		lower: interval.lower,
		upper: interval.upper
	};
}
