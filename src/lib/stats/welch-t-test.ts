import { checkAlternative, pValueFor, type Alternative } from './alternative';
import { studentTCdf, studentTQuantile, studentTSurvival } from './distributions';
import { summarize, type SummaryStats } from './moments';
import { checkFinite, checkInteger, checkNonNegative, checkUnitInterval } from './validate';

export interface WelchTTestOptions {
	/** Default 'two-sided'. */
	alternative?: Alternative;
	/** Level of the (two-sided) interval for mean2 − mean1; default 0.95. */
	confidence?: number;
}

export interface WelchTTest {
	/** mean2 − mean1 (group 2 minus group 1). */
	difference: number;
	/** √(sd1²/n1 + sd2²/n2). */
	standardError: number;
	t: number;
	/** Welch–Satterthwaite degrees of freedom. */
	df: number;
	pValue: number;
	/** difference ± t_{df, 1−(1−confidence)/2} · SE. */
	lower: number;
	upper: number;
	alternative: Alternative;
}

export function checkSummary(name: string, s: SummaryStats): SummaryStats {
	if (s == null || typeof s !== 'object') throw new Error(`invalid ${name}: ${String(s)} (must be { mean, sd, n })`);
	checkFinite(`${name}.mean`, s.mean);
	checkNonNegative(`${name}.sd`, s.sd);
	checkInteger(`${name}.n`, s.n, 2);
	return s;
}

/**
 * Welch's unequal-variance t-test of mean2 − mean1 from summary statistics (Welch 1947):
 * t = (m2 − m1)/√(v1 + v2) with v = sd²/n, df = (v1 + v2)² / (v1²/(n1 − 1) + v2²/(n2 − 1)).
 */
export function welchTTest(group1: SummaryStats, group2: SummaryStats, options: WelchTTestOptions = {}): WelchTTest {
	checkSummary('group1', group1);
	checkSummary('group2', group2);
	const { alternative = 'two-sided', confidence = 0.95 } = options;
	checkAlternative(alternative);
	checkUnitInterval('confidence', confidence);
	const v1 = (group1.sd * group1.sd) / group1.n;
	const v2 = (group2.sd * group2.sd) / group2.n;
	const standardError = Math.sqrt(v1 + v2);
	if (standardError === 0) throw new Error('invalid group1.sd, group2.sd: 0, 0 (at least one must be > 0)');
	const difference = group2.mean - group1.mean;
	const t = difference / standardError;
	const df = (v1 + v2) ** 2 / ((v1 * v1) / (group1.n - 1) + (v2 * v2) / (group2.n - 1));
	const pValue = pValueFor(t, alternative, (x) => studentTCdf(x, df), (x) => studentTSurvival(x, df));
	const half = studentTQuantile(1 - (1 - confidence) / 2, df) * standardError;
	return { difference, standardError, t, df, pValue, lower: difference - half, upper: difference + half, alternative };
}

/** Welch's t-test of mean(group2) − mean(group1) from the raw values (each at least 2). */
export function welchTTestArrays(group1: ArrayLike<number>, group2: ArrayLike<number>, options: WelchTTestOptions = {}): WelchTTest {
	return welchTTest(summarize(group1), summarize(group2), options);
}
