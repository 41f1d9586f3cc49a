import { covariance, mean, variance } from './moments';
import { checkInteger, checkSample } from './validate';

export interface Cuped {
	/** θ = cov(x, y) / var(x). */
	theta: number;
	/** Pearson correlation ρ of x and y. */
	correlation: number;
	/** ρ²: the share of y's variance removed. */
	varianceReduction: number;
	/** 1 − ρ² = var(y') / var(y). */
	varianceFactor: number;
	/** y' = y − θ(x − mean x); same mean as y. */
	adjusted: number[];
	meanX: number;
	meanY: number;
}

/**
 * CUPED (Deng, Xu, Kohavi & Walker 2013, "Improving the sensitivity of online controlled experiments
 * by utilizing pre-experiment data", WSDM): with the pre-period covariate x of the same units,
 * y' = y − θ(x − x̄), θ = cov(x, y)/var(x), and var(y') = var(y)(1 − ρ²). Compute θ on both groups
 * pooled, then compare the groups' y' as one would y.
 */
export function cuped(y: ArrayLike<number>, x: ArrayLike<number>): Cuped {
	checkSample('y', y, 2);
	checkSample('x', x, 2);
	if (x.length !== y.length) throw new Error(`invalid x: ${x.length} values (must pair with y: ${y.length})`);
	const vx = variance(x);
	if (vx === 0) throw new Error('invalid x: constant (its variance must be > 0)');
	const vy = variance(y);
	const cxy = covariance(x, y);
	const theta = cxy / vx;
	const correlation = vy > 0 ? cxy / Math.sqrt(vx * vy) : 0;
	const meanX = mean(x);
	const adjusted = new Array<number>(y.length);
	for (let i = 0; i < y.length; i++) adjusted[i] = y[i] - theta * (x[i] - meanX);
	const reduction = correlation * correlation;
	return { theta, correlation, varianceReduction: reduction, varianceFactor: 1 - reduction, adjusted, meanX, meanY: mean(y) };
}

/** Sample size after CUPED: ⌈n (1 − ρ²)⌉ for a covariate with correlation ρ to the outcome. */
export function cupedSampleSize(n: number, correlation: number): number {
	checkInteger('n', n, 1);
	if (!(correlation >= -1 && correlation <= 1)) throw new Error(`invalid correlation: ${correlation} (must be between -1 and 1)`);
	const exact = n * (1 - correlation * correlation);
	return Math.max(1, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
}
