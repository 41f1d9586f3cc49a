import { noncentralTCdf, normalCdf, normalQuantile, studentTQuantile } from './distributions';
import { checkFinite, checkOneOf, checkPositive, checkSides, checkUnitInterval } from './validate';

/** 'normal': z approximation; 't': the two-sample t-test's power by the noncentral t. */
export type MeansDistribution = 'normal' | 't';
export const MEANS_DISTRIBUTIONS: readonly MeansDistribution[] = ['normal', 't'];

/** The two standard deviations from { sd } or { sd1, sd2 }. */
export function resolveSds(o: { sd?: number; sd1?: number; sd2?: number }): [number, number] {
	if (o.sd !== undefined) {
		if (o.sd1 !== undefined || o.sd2 !== undefined) throw new Error('invalid sd: give either sd or sd1 and sd2, not both');
		checkPositive('sd', o.sd);
		return [o.sd, o.sd];
	}
	if (o.sd1 === undefined || o.sd2 === undefined) throw new Error('invalid sd: undefined (give sd, or both sd1 and sd2, each > 0)');
	return [checkPositive('sd1', o.sd1), checkPositive('sd2', o.sd2)];
}

export interface PowerMeansOptions {
	/** True difference of means, mean2 − mean1. */
	delta: number;
	sd?: number;
	sd1?: number;
	sd2?: number;
	n1: number;
	/** Default n1. */
	n2?: number;
	/** Default 0.05. */
	alpha?: number;
	/** Default 2. */
	sides?: 1 | 2;
	/** Default 'normal'. */
	distribution?: MeansDistribution;
}

/**
 * Power to detect a difference of means delta with n1, n2. SE = √(sd1²/n1 + sd2²/n2), λ = |delta|/SE.
 * - 'normal': Φ(λ − z_{1−α/sides}) (+ Φ(−λ − z) two-sided).
 * - 't': 1 − T_{df,λ}(t_crit) (+ T_{df,λ}(−t_crit) two-sided), T the noncentral t cdf,
 *   t_crit = t_{df, 1−α/sides}; df = n1 + n2 − 2 when sd1 = sd2 (Student's test: G*Power, R's
 *   power.t.test, pwr.t2n.test), else the Welch–Satterthwaite df at the given sds.
 */
export function powerMeans(options: PowerMeansOptions): number {
	const { delta, n1, n2 = n1, alpha = 0.05, sides = 2, distribution = 'normal' } = options;
	checkFinite('delta', delta);
	const [sd1, sd2] = resolveSds(options);
	checkPositive('n1', n1);
	checkPositive('n2', n2);
	checkUnitInterval('alpha', alpha);
	checkSides(sides);
	checkOneOf('distribution', distribution, MEANS_DISTRIBUTIONS);
	const v1 = (sd1 * sd1) / n1;
	const v2 = (sd2 * sd2) / n2;
	const lambda = Math.abs(delta) / Math.sqrt(v1 + v2);
	if (distribution === 'normal') {
		const z = normalQuantile(1 - alpha / sides);
		return normalCdf(lambda - z) + (sides === 2 ? normalCdf(-lambda - z) : 0);
	}
	if (n1 < 2 || n2 < 2) throw new Error(`invalid n1, n2: ${n1}, ${n2} (a t-test needs at least 2 per group)`);
	const df = sd1 === sd2 ? n1 + n2 - 2 : (v1 + v2) ** 2 / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
	const t = studentTQuantile(1 - alpha / sides, df);
	const upper = 1 - noncentralTCdf(t, df, lambda);
	return sides === 2 ? upper + noncentralTCdf(-t, df, lambda) : upper;
}
