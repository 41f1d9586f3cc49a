import { normalQuantile } from './distributions';
import { checkOneOf, checkPositive, checkSides, checkUnitInterval } from './validate';

/**
 * How the variance of p̂2 − p̂1 enters a two-proportion calculation:
 * - 'pooled': p̄q̄ under H0 (the pooled-SE z-test's own variance) and p1q1, p2q2 under H1, as in
 *   Fleiss, Levin & Paik (2003) eq. 4.14 without continuity correction and R's power.prop.test;
 * - 'unpooled': p1q1 + p2q2 under both hypotheses;
 * - 'arcsine': Cohen's h = 2 asin√p2 − 2 asin√p1, whose variance is 1/n per group (Cohen 1988 ch. 6).
 */
export type ProportionMethod = 'pooled' | 'unpooled' | 'arcsine';
export const PROPORTION_METHODS: readonly ProportionMethod[] = ['pooled', 'unpooled', 'arcsine'];

export interface SampleSizeProportionsOptions {
	/** Baseline (control) rate, group 1. */
	p1: number;
	/** Target (treatment) rate, group 2. */
	p2: number;
	/** Type I error rate; default 0.05. */
	alpha?: number;
	/** 1 − type II error rate; default 0.8. */
	power?: number;
	/** 1 or 2 (default): a one-sided test uses z_{1−α}, a two-sided one z_{1−α/2}. */
	sides?: 1 | 2;
	/** Allocation ratio r = n2 / n1; default 1. */
	ratio?: number;
	/** Default 'pooled'. */
	method?: ProportionMethod;
}

/** Per-group sample sizes: n1 = ⌈exact n1⌉, n2 = ⌈r · n1⌉. */
export interface SampleSize {
	n1: number;
	n2: number;
	total: number;
	/** n1 before rounding up. */
	exactN1: number;
}

/** ⌈x⌉ that ignores floating-point noise just above an integer (1100.0000000000002 → 1100). */
export function ceilSize(x: number): number {
	return Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
}

export function sampleSizeFromN1(exactN1: number, ratio: number): SampleSize {
	const n1 = ceilSize(exactN1);
	const n2 = ceilSize(ratio * n1);
	return { n1, n2, total: n1 + n2, exactN1 };
}

/**
 * Sample size per group to detect p1 → p2 with a two-proportion z-test (normal approximation,
 * no continuity correction; the far tail of a two-sided test is ignored). With z_a = z_{1−α/sides},
 * z_b = z_{power}, r = n2/n1, q = 1 − p:
 * - pooled:   n1 = (z_a √(p̄q̄(1 + 1/r)) + z_b √(p1q1 + p2q2/r))² / (p1 − p2)², p̄ = (p1 + r p2)/(1 + r)
 * - unpooled: n1 = (z_a + z_b)² (p1q1 + p2q2/r) / (p1 − p2)²
 * - arcsine:  n1 = (z_a + z_b)² (1 + 1/r) / h²
 */
export function sampleSizeProportions(options: SampleSizeProportionsOptions): SampleSize {
	const { p1, p2, alpha = 0.05, power = 0.8, sides = 2, ratio = 1, method = 'pooled' } = options;
	checkUnitInterval('p1', p1);
	checkUnitInterval('p2', p2);
	if (p1 === p2) throw new Error(`invalid p2: ${p2} (must differ from p1)`);
	checkUnitInterval('alpha', alpha);
	checkUnitInterval('power', power);
	checkSides(sides);
	checkPositive('ratio', ratio);
	checkOneOf('method', method, PROPORTION_METHODS);
	const za = normalQuantile(1 - alpha / sides);
	const zb = normalQuantile(power);
	const q1 = 1 - p1;
	const q2 = 1 - p2;
	let exactN1: number;
	if (method === 'arcsine') {
		const h = 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
		exactN1 = ((za + zb) ** 2 * (1 + 1 / ratio)) / (h * h);
	} else if (method === 'unpooled') {
		exactN1 = ((za + zb) ** 2 * (p1 * q1 + (p2 * q2) / ratio)) / (p1 - p2) ** 2;
	} else {
		const pBar = (p1 + ratio * p2) / (1 + ratio);
		const null_ = za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / ratio));
		const alt = zb * Math.sqrt(p1 * q1 + (p2 * q2) / ratio);
		exactN1 = (null_ + alt) ** 2 / (p1 - p2) ** 2;
	}
	return sampleSizeFromN1(exactN1, ratio);
}
