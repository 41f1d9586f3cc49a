import { betaQuantile, logBeta } from './distributions';
import type { Interval } from './interval';
import { mulberry32 } from './mulberry32';
import { sampleBeta } from './sample-beta';
import { checkTwoCounts, type TwoCounts } from './two-proportion-z-test';
import { checkInteger, checkOneOf, checkPositive, checkUnitInterval } from './validate';

export interface BetaPrior {
	a: number;
	b: number;
}

export interface BetaBinomialOptions {
	/** Beta(a, b) prior of each rate; default Beta(1, 1) (uniform). */
	prior?: BetaPrior;
	/** Level of the equal-tailed credible intervals; default 0.95. */
	credibility?: number;
	/** 'auto' (default): exact when a posterior's a is an integer below maxExactTerms, else Monte Carlo. */
	method?: 'auto' | 'exact' | 'monte-carlo';
	/** Monte Carlo draws; default 200,000. */
	draws?: number;
	/** Monte Carlo seed; default 1. */
	seed?: number;
	/** Largest number of terms of the exact sum; default 1,000,000. */
	maxExactTerms?: number;
}

export interface BetaBinomialComparison {
	/** P(pB > pA) under the posteriors. */
	probabilityBBeatsA: number;
	/** Expected loss of choosing A: E[max(pB − pA, 0)]. */
	expectedLossA: number;
	/** Expected loss of choosing B: E[max(pA − pB, 0)]. */
	expectedLossB: number;
	/** Posterior Beta(a + x, b + n − x) of each rate. */
	posteriorA: BetaPrior;
	posteriorB: BetaPrior;
	/** Posterior mean and equal-tailed credible interval of each rate. */
	intervalA: Interval;
	intervalB: Interval;
	method: 'exact' | 'monte-carlo';
}

/**
 * P(Y > X) for X ~ Beta(aX, bX), Y ~ Beta(aY, bY) with integer aY (Evan Miller, "Formulas for
 * Bayesian A/B testing", 2015): Σ_{i=0}^{aY−1} B(aX + i, bX + bY) / ((bY + i) B(1 + i, bY) B(aX, bX)).
 * Terms follow t_0 = B(aX, bX + bY)/B(aX, bX), t_i = t_{i−1} (aX + i − 1)(bY + i − 1) / ((aX + bX + bY + i − 1) i),
 * summed in log space.
 */
function probabilityGreaterSum(aX: number, bX: number, aY: number, bY: number): number {
	let logTerm = logBeta(aX, bX + bY) - logBeta(aX, bX);
	let max = logTerm;
	let sum = 1;
	for (let i = 1; i < aY; i++) {
		logTerm += Math.log(aX + i - 1) + Math.log(bY + i - 1) - Math.log(aX + bX + bY + i - 1) - Math.log(i);
		if (logTerm > max) {
			sum = sum * Math.exp(max - logTerm) + 1;
			max = logTerm;
		} else sum += Math.exp(logTerm - max);
	}
	return Math.min(1, Math.max(0, sum * Math.exp(max)));
}

/** P(Y > X) exactly, summing over whichever of aY, aX is the smaller integer; null when neither fits. */
function probabilityGreater(aX: number, bX: number, aY: number, bY: number, maxTerms: number): number | null {
	const yFits = Number.isInteger(aY) && aY <= maxTerms;
	const xFits = Number.isInteger(aX) && aX <= maxTerms;
	if (yFits && (!xFits || aY <= aX)) return probabilityGreaterSum(aX, bX, aY, bY);
	if (xFits) return 1 - probabilityGreaterSum(aY, bY, aX, bX);
	return null;
}

function credible(p: BetaPrior, level: number): Interval {
	const tail = (1 - level) / 2;
	return { estimate: p.a / (p.a + p.b), lower: betaQuantile(tail, p.a, p.b), upper: betaQuantile(1 - tail, p.a, p.b) };
}

/**
 * Bayesian comparison of two conversion rates with Beta(a, b) priors. Exact (closed-form sums) when
 * possible: with means mA, mB and A⁺ ~ Beta(aA + 1, bA), B⁺ ~ Beta(aB + 1, bB),
 * E[max(pB − pA, 0)] = mB P(B⁺ > A) − mA P(B > A⁺), and E[max(pA − pB, 0)] = that + mA − mB.
 * Otherwise seeded Monte Carlo with `draws` pairs of posterior draws.
 */
export function betaBinomialComparison(counts: TwoCounts, options: BetaBinomialOptions = {}): BetaBinomialComparison {
	checkTwoCounts(counts);
	const { prior = { a: 1, b: 1 }, credibility = 0.95, method = 'auto', draws = 200_000, seed = 1, maxExactTerms = 1_000_000 } = options;
	checkPositive('prior.a', prior.a);
	checkPositive('prior.b', prior.b);
	checkUnitInterval('credibility', credibility);
	checkOneOf('method', method, ['auto', 'exact', 'monte-carlo']);
	checkInteger('draws', draws, 1);
	checkInteger('maxExactTerms', maxExactTerms, 1);
	const A = { a: prior.a + counts.x1, b: prior.b + counts.n1 - counts.x1 };
	const B = { a: prior.a + counts.x2, b: prior.b + counts.n2 - counts.x2 };
	const mA = A.a / (A.a + A.b);
	const mB = B.a / (B.a + B.b);
	const base = { posteriorA: A, posteriorB: B, intervalA: credible(A, credibility), intervalB: credible(B, credibility) };
	if (method !== 'monte-carlo') {
		const p = probabilityGreater(A.a, A.b, B.a, B.b, maxExactTerms);
		const pBplus = probabilityGreater(A.a, A.b, B.a + 1, B.b, maxExactTerms);
		const pAplus = probabilityGreater(A.a + 1, A.b, B.a, B.b, maxExactTerms);
		if (p !== null && pBplus !== null && pAplus !== null) {
			const lossA = Math.max(0, mB * pBplus - mA * pAplus);
			return { ...base, probabilityBBeatsA: p, expectedLossA: lossA, expectedLossB: Math.max(0, lossA + mA - mB), method: 'exact' };
		}
		if (method === 'exact') {
			throw new Error(`invalid method: 'exact' (needs an integer posterior a of at most maxExactTerms = ${maxExactTerms}; got ${A.a} and ${B.a})`);
		}
	}
	const random = mulberry32(seed);
	let wins = 0;
	let lossA = 0;
	let lossB = 0;
	for (let i = 0; i < draws; i++) {
		const pA = sampleBeta(random, A.a, A.b);
		const pB = sampleBeta(random, B.a, B.b);
		if (pB > pA) {
			wins++;
			lossA += pB - pA;
		} else lossB += pA - pB;
	}
	return { ...base, probabilityBBeatsA: wins / draws, expectedLossA: lossA / draws, expectedLossB: lossB / draws, method: 'monte-carlo' };
}
