import { chiSquareSurvival } from './distributions';
import { checkInteger, checkPositive, checkUnitInterval } from './validate';

export interface SampleRatioMismatchOptions {
	/** Planned allocation weights per group (any positive scale, e.g. [1, 1] or [50, 50]); default equal. */
	ratio?: number[];
	/** p-value below which the split is flagged; default 0.001. */
	threshold?: number;
}

export interface SampleRatioMismatch {
	chiSquare: number;
	df: number;
	pValue: number;
	/** pValue < threshold. */
	mismatch: boolean;
	/** Counts expected under the planned ratio. */
	expected: number[];
	threshold: number;
	/** The decision rule in words. */
	rule: string;
}

/**
 * Sample-ratio-mismatch check: Pearson's chi-square goodness of fit of the observed group counts
 * to the planned ratio, Σ (O − E)²/E with df = groups − 1. A p-value below the threshold means the
 * assignment or logging is broken and the experiment's results should not be trusted.
 */
export function sampleRatioMismatch(observed: number[], options: SampleRatioMismatchOptions = {}): SampleRatioMismatch {
	const { threshold = 0.001 } = options;
	if (!Array.isArray(observed) || observed.length < 2) {
		throw new Error(`invalid observed: ${JSON.stringify(observed)} (must be an array of at least 2 group counts)`);
	}
	observed.forEach((o, i) => checkInteger(`observed[${i}]`, o, 0));
	const ratio = options.ratio ?? observed.map(() => 1);
	if (!Array.isArray(ratio) || ratio.length !== observed.length) {
		throw new Error(`invalid ratio: ${JSON.stringify(ratio)} (must have one weight per group: ${observed.length})`);
	}
	ratio.forEach((r, i) => checkPositive(`ratio[${i}]`, r));
	checkUnitInterval('threshold', threshold);
	const total = observed.reduce((s, o) => s + o, 0);
	if (total === 0) throw new Error('invalid observed: all 0 (must hold at least one unit)');
	const weight = ratio.reduce((s, r) => s + r, 0);
	const expected = ratio.map((r) => (total * r) / weight);
	const chiSquare = observed.reduce((s, o, i) => s + (o - expected[i]) ** 2 / expected[i], 0);
	const df = observed.length - 1;
	const pValue = chiSquareSurvival(chiSquare, df);
	return {
		chiSquare,
		df,
		pValue,
		mismatch: pValue < threshold,
		expected,
		threshold,
		rule: `sample ratio mismatch when the chi-square goodness-of-fit p-value is below ${threshold}`
	};
}
