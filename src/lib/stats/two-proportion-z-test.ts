import { checkAlternative, pValueFor, type Alternative } from './alternative';
import { normalCdf, normalQuantile, normalSurvival } from './distributions';
import { checkCount, checkUnitInterval } from './validate';

/** Conversions of two groups: x1 of n1 in group 1 (control A), x2 of n2 in group 2 (treatment B). */
export interface TwoCounts {
	x1: number;
	n1: number;
	x2: number;
	n2: number;
}

export function checkTwoCounts(c: TwoCounts): void {
	checkCount('x1', c.x1, 'n1', c.n1);
	checkCount('x2', c.x2, 'n2', c.n2);
}

export interface TwoProportionZTestOptions {
	/** Default 'two-sided'. */
	alternative?: Alternative;
	/** Level of the (two-sided) interval for p2 − p1; default 0.95. */
	confidence?: number;
}

export interface TwoProportionZTest {
	p1: number;
	p2: number;
	/** p2 − p1. */
	difference: number;
	/** (p2 − p1) / SE0, SE0 = √(p̄q̄(1/n1 + 1/n2)), p̄ = (x1 + x2)/(n1 + n2); 0 when SE0 = 0. */
	z: number;
	pValue: number;
	/** The pooled SE0 of the statistic. */
	standardError: number;
	/** Wald interval p2 − p1 ± z_{1−(1−confidence)/2} √(p1q1/n1 + p2q2/n2) (unpooled). */
	lower: number;
	upper: number;
	alternative: Alternative;
}

/**
 * Two-proportion z-test without continuity correction: z² equals Pearson's chi-square of the 2×2
 * table, as R's prop.test(correct = FALSE). The statistic uses the pooled SE (the variance under H0),
 * the interval the unpooled one.
 */
export function twoProportionZTest(counts: TwoCounts, options: TwoProportionZTestOptions = {}): TwoProportionZTest {
	checkTwoCounts(counts);
	const { alternative = 'two-sided', confidence = 0.95 } = options;
	checkAlternative(alternative);
	checkUnitInterval('confidence', confidence);
	const { x1, n1, x2, n2 } = counts;
	const p1 = x1 / n1;
	const p2 = x2 / n2;
	const difference = p2 - p1;
	const pooled = (x1 + x2) / (n1 + n2);
	const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
	const z = standardError > 0 ? difference / standardError : 0;
	const pValue = pValueFor(z, alternative, normalCdf, normalSurvival);
	const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
	return { p1, p2, difference, z, pValue, standardError, lower: difference - half, upper: difference + half, alternative };
}
