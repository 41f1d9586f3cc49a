import { normalCdf, normalQuantile } from './distributions';
import { PROPORTION_METHODS, type ProportionMethod } from './sample-size-proportions';
import { checkClosedUnitInterval, checkOneOf, checkPositive, checkSides, checkUnitInterval } from './validate';

export interface PowerProportionsOptions {
	/** Baseline (control) rate, group 1. */
	p1: number;
	/** Treatment rate, group 2. */
	p2: number;
	/** Group 1 size (may be fractional while solving). */
	n1: number;
	/** Group 2 size; default n1. */
	n2?: number;
	/** Default 0.05. */
	alpha?: number;
	/** Default 2. */
	sides?: 1 | 2;
	/** Default 'pooled'; see ProportionMethod. */
	method?: ProportionMethod;
}

/**
 * Power of the two-proportion z-test at p1, p2 with n1, n2 (normal approximation). With
 * Δ = |p2 − p1|, z = z_{1−α/sides}, σ0 the SE under H0 and σ1 under H1:
 * power = Φ((Δ − z σ0)/σ1), plus Φ((−Δ − z σ0)/σ1) for the far tail of a two-sided test (as R's
 * power.prop.test(strict = TRUE)). Pooled: σ0² = p̄q̄(1/n1 + 1/n2) with p̄ = (n1p1 + n2p2)/(n1 + n2),
 * σ1² = p1q1/n1 + p2q2/n2; unpooled: σ0 = σ1; arcsine: Δ = |h|, σ0 = σ1 = √(1/n1 + 1/n2).
 * A one-sided test is taken in the direction of p2 − p1.
 */
export function powerProportions(options: PowerProportionsOptions): number {
	const { p1, p2, n1, n2 = n1, alpha = 0.05, sides = 2, method = 'pooled' } = options;
	checkUnitInterval('p1', p1);
	checkClosedUnitInterval('p2', p2);
	checkPositive('n1', n1);
	checkPositive('n2', n2);
	checkUnitInterval('alpha', alpha);
	checkSides(sides);
	checkOneOf('method', method, PROPORTION_METHODS);
	const z = normalQuantile(1 - alpha / sides);
	let delta: number;
	let sd0: number;
	let sd1: number;
	if (method === 'arcsine') {
		delta = Math.abs(2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1)));
		sd0 = sd1 = Math.sqrt(1 / n1 + 1 / n2);
	} else {
		delta = Math.abs(p2 - p1);
		sd1 = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
		if (method === 'unpooled') sd0 = sd1;
		else {
			const pBar = (n1 * p1 + n2 * p2) / (n1 + n2);
			sd0 = Math.sqrt(pBar * (1 - pBar) * (1 / n1 + 1 / n2));
		}
	}
	if (sd1 === 0) return delta > 0 ? 1 : alpha;
	const near = normalCdf((delta - z * sd0) / sd1);
	return sides === 2 ? near + normalCdf((-delta - z * sd0) / sd1) : near;
}
