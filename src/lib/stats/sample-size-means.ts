import { normalQuantile } from './distributions';
import { MEANS_DISTRIBUTIONS, powerMeans, resolveSds, type MeansDistribution } from './power-means';
import { sampleSizeFromN1, type SampleSize } from './sample-size-proportions';
import { checkFinite, checkOneOf, checkPositive, checkSides, checkUnitInterval } from './validate';

export interface SampleSizeMeansOptions {
	/** Difference of means to detect, mean2 − mean1 (its sign does not matter). */
	delta: number;
	/** Common standard deviation; or give sd1 and sd2. */
	sd?: number;
	sd1?: number;
	sd2?: number;
	/** Default 0.05. */
	alpha?: number;
	/** Default 0.8. */
	power?: number;
	/** Default 2. */
	sides?: 1 | 2;
	/** n2 / n1; default 1. */
	ratio?: number;
	/** Default 'normal'. */
	distribution?: MeansDistribution;
}

/**
 * Sample size per group to detect a difference of means delta.
 * - 'normal': n1 = (z_{1−α/sides} + z_{power})² (sd1² + sd2²/r) / delta².
 * - 't': the n1 (fractional, n2 = r n1) at which the t-test's power by powerMeans with distribution
 *   't' (noncentral t, both tails) equals the target, found by bisection, as R's power.t.test solves
 *   for n; then rounded up like the normal answer.
 */
export function sampleSizeMeans(options: SampleSizeMeansOptions): SampleSize {
	const { delta, alpha = 0.05, power = 0.8, sides = 2, ratio = 1, distribution = 'normal' } = options;
	checkFinite('delta', delta);
	if (delta === 0) throw new Error('invalid delta: 0 (must be non-zero)');
	const [sd1, sd2] = resolveSds(options);
	checkUnitInterval('alpha', alpha);
	checkUnitInterval('power', power);
	checkSides(sides);
	checkPositive('ratio', ratio);
	checkOneOf('distribution', distribution, MEANS_DISTRIBUTIONS);
	const z = normalQuantile(1 - alpha / sides) + normalQuantile(power);
	const normalN1 = (z * z * (sd1 * sd1 + (sd2 * sd2) / ratio)) / (delta * delta);
	if (distribution === 'normal') return sampleSizeFromN1(normalN1, ratio);
	// Each group needs 2 observations for a t-test: search n1 >= max(2, 2/r).
	const minN1 = Math.max(2, 2 / ratio);
	const powerAt = (n1: number) => powerMeans({ delta, sd1, sd2, n1, n2: ratio * n1, alpha, sides, distribution: 't' });
	if (powerAt(minN1) >= power) return sampleSizeFromN1(minN1, ratio);
	let lo = minN1;
	let hi = Math.max(minN1 * 2, normalN1 * 2 + 10);
	while (powerAt(hi) < power) hi *= 2;
	while (hi - lo > 1e-9 * hi) {
		const mid = (lo + hi) / 2;
		if (powerAt(mid) < power) lo = mid;
		else hi = mid;
	}
	return sampleSizeFromN1(hi, ratio);
}
