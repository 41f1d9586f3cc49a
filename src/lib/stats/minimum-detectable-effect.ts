import { normalQuantile } from './distributions';
import { powerMeans, resolveSds, type MeansDistribution } from './power-means';
import { powerProportions } from './power-proportions';
import type { ProportionMethod } from './sample-size-proportions';
import { checkOneOf, checkPositive, checkSides, checkUnitInterval } from './validate';

export interface MinimumDetectableEffectProportionsOptions {
	/** Baseline rate, group 1. */
	p1: number;
	n1: number;
	/** Default n1. */
	n2?: number;
	/** Default 0.05. */
	alpha?: number;
	/** Default 0.8. */
	power?: number;
	/** Default 2. */
	sides?: 1 | 2;
	/** Default 'pooled'. */
	method?: ProportionMethod;
	/** Look for p2 above p1 ('increase', default) or below it ('decrease'). */
	direction?: 'increase' | 'decrease';
}

export interface MinimumDetectableEffect {
	/** The target rate reached with the requested power. */
	p2: number;
	/** p2 − p1. */
	absolute: number;
	/** p2 / p1 − 1. */
	relative: number;
}

/**
 * The p2 closest to p1 (above it, or below for 'decrease') that the two-proportion z-test detects
 * with the requested power at n1, n2: bisection on powerProportions, which rises as p2 moves away
 * from p1. Throws when even p2 = 1 (or 0) does not reach the power.
 */
export function minimumDetectableEffectProportions(options: MinimumDetectableEffectProportionsOptions): MinimumDetectableEffect {
	const { p1, n1, n2 = n1, alpha = 0.05, power = 0.8, sides = 2, method = 'pooled', direction = 'increase' } = options;
	checkUnitInterval('p1', p1);
	checkPositive('n1', n1);
	checkPositive('n2', n2);
	checkUnitInterval('power', power);
	checkOneOf('direction', direction, ['increase', 'decrease']);
	const powerAt = (p2: number) => powerProportions({ p1, p2, n1, n2, alpha, sides, method });
	const far = direction === 'increase' ? 1 : 0;
	if (powerAt(far) < power) {
		throw new Error(`invalid n1, n2: ${n1}, ${n2} (too small to reach power ${power} at any p2 ${direction === 'increase' ? 'above' : 'below'} p1 = ${p1})`);
	}
	let near = p1;
	let reach = far;
	for (let i = 0; i < 200 && Math.abs(reach - near) > 1e-13; i++) {
		const mid = (near + reach) / 2;
		if (powerAt(mid) < power) near = mid;
		else reach = mid;
	}
	return { p2: reach, absolute: reach - p1, relative: reach / p1 - 1 };
}

export interface MinimumDetectableEffectMeansOptions {
	sd?: number;
	sd1?: number;
	sd2?: number;
	n1: number;
	/** Default n1. */
	n2?: number;
	/** Default 0.05. */
	alpha?: number;
	/** Default 0.8. */
	power?: number;
	/** Default 2. */
	sides?: 1 | 2;
	/** Default 'normal'. */
	distribution?: MeansDistribution;
}

/**
 * The smallest |mean2 − mean1| detected with the requested power at n1, n2.
 * 'normal': (z_{1−α/sides} + z_{power}) √(sd1²/n1 + sd2²/n2), ignoring the far tail;
 * 't': bisection on powerMeans (noncentral t, both tails), as R's power.t.test solves for delta.
 */
export function minimumDetectableEffectMeans(options: MinimumDetectableEffectMeansOptions): number {
	const { n1, n2 = n1, alpha = 0.05, power = 0.8, sides = 2, distribution = 'normal' } = options;
	const [sd1, sd2] = resolveSds(options);
	checkPositive('n1', n1);
	checkPositive('n2', n2);
	checkUnitInterval('alpha', alpha);
	checkUnitInterval('power', power);
	checkSides(sides);
	const se = Math.sqrt((sd1 * sd1) / n1 + (sd2 * sd2) / n2);
	const normal = (normalQuantile(1 - alpha / sides) + normalQuantile(power)) * se;
	if (distribution === 'normal') return normal;
	const powerAt = (delta: number) => powerMeans({ delta, sd1, sd2, n1, n2, alpha, sides, distribution });
	let lo = 0;
	let hi = Math.max(normal, se) * 2;
	while (powerAt(hi) < power) hi *= 2;
	while (hi - lo > 1e-12 * hi) {
		const mid = (lo + hi) / 2;
		if (powerAt(mid) < power) lo = mid;
		else hi = mid;
	}
	return hi;
}
