import { checkTwoCounts, type TwoCounts } from './two-proportion-z-test';
import { checkPositive, checkUnitInterval } from './validate';

export interface MsprtOptions {
	/** Standard deviation τ of the normal mixture N(0, τ²) over the true difference p2 − p1, in rate units (e.g. 0.01 = one point). */
	tau: number;
	/** Level at which a look rejects; default 0.05. */
	alpha?: number;
}

export interface MsprtLook extends TwoCounts {
	/** p2 − p1 at this look. */
	difference: number;
	/** Variance of the difference under H0: p̄q̄ (1/n1 + 1/n2), p̄ the pooled rate. */
	variance: number;
	/** Mixture likelihood ratio Λ of this look. */
	likelihoodRatio: number;
	/** Always-valid p-value: min over looks so far of 1/Λ (capped at 1). */
	pValue: number;
	/** pValue <= alpha. */
	reject: boolean;
}

export interface Msprt {
	looks: MsprtLook[];
	/** Some look rejected H0: p1 = p2. */
	rejected: boolean;
	/** Index of the first rejecting look, or null. */
	firstRejection: number | null;
	tau: number;
	alpha: number;
}

/**
 * Mixture sequential probability ratio test for p2 − p1 (Johari, Koomen, Pekelis & Walsh 2017,
 * "Peeking at A/B tests", KDD), on cumulative counts at each look. With d = p̂2 − p̂1 ~ N(θ, v) and
 * θ ~ N(0, τ²) under H1, the mixture likelihood ratio against θ = 0 is
 * Λ = √(v/(v + τ²)) · exp(τ² d² / (2v(v + τ²))); with n per group and v = V/n this is the paper's
 * √(V/(V + nτ²)) exp(n²τ² d² / (2V(V + nτ²))). The p-value p_k = min(p_{k−1}, 1/Λ_k) is valid at
 * every look however many are taken: P(some p_k <= α | H0) <= α. v uses the pooled rate; a look
 * with v = 0 (no conversions, or all) carries no evidence (Λ = 1).
 */
export function msprt(looks: TwoCounts[], options: MsprtOptions): Msprt {
	const { tau, alpha = 0.05 } = options;
	checkPositive('tau', tau);
	checkUnitInterval('alpha', alpha);
	if (!Array.isArray(looks)) throw new Error(`invalid looks: ${String(looks)} (must be an array of { x1, n1, x2, n2 })`);
	const tau2 = tau * tau;
	let pValue = 1;
	let firstRejection: number | null = null;
	const out = looks.map((look, k) => {
		checkTwoCounts(look);
		if (k > 0 && (look.n1 < looks[k - 1].n1 || look.n2 < looks[k - 1].n2)) {
			throw new Error(`invalid looks[${k}]: n1 = ${look.n1}, n2 = ${look.n2} (counts are cumulative: must not fall below looks[${k - 1}])`);
		}
		const { x1, n1, x2, n2 } = look;
		const difference = x2 / n2 - x1 / n1;
		const pooled = (x1 + x2) / (n1 + n2);
		const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
		const logLambda = variance > 0 ? 0.5 * Math.log(variance / (variance + tau2)) + (tau2 * difference * difference) / (2 * variance * (variance + tau2)) : 0;
		pValue = Math.min(pValue, Math.exp(-logLambda));
		const reject = pValue <= alpha;
		if (reject && firstRejection === null) firstRejection = k;
		return { x1, n1, x2, n2, difference, variance, likelihoodRatio: Math.exp(logLambda), pValue, reject };
	});
	return { looks: out, rejected: firstRejection !== null, firstRejection, tau, alpha };
}
