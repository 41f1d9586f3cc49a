import { describe, expect, it } from 'vitest';
import { betaBinomialComparison } from '../../../src/lib/stats';

// A: 40 of 1,000 converted; B: 55 of 1,000; Beta(1, 1) priors → Beta(41, 961) and Beta(56, 946).
const COUNTS = { x1: 40, n1: 1000, x2: 55, n2: 1000 };

describe('betaBinomialComparison', () => {
	it('gives P(B > A) and the expected losses by the closed form', () => {
		// scipy 1.10 quad(beta.pdf(x, 56, 946) · beta.cdf(x, 41, 961), 0, 1): 0.9418873441791;
		// dblquad of max(pA − pB, 0) and max(pB − pA, 0) against both densities: 0.000238937, 0.015208996
		const r = betaBinomialComparison(COUNTS);
		expect(r.method).toBe('exact');
		expect(r.posteriorA).toEqual({ a: 41, b: 961 });
		expect(r.posteriorB).toEqual({ a: 56, b: 946 });
		expect(r.probabilityBBeatsA).toBeCloseTo(0.9418873441791, 9);
		expect(r.expectedLossB).toBeCloseTo(0.000238937, 8);
		expect(r.expectedLossA).toBeCloseTo(0.015208996, 8);
		expect(r.expectedLossB - r.expectedLossA).toBeCloseTo(41 / 1002 - 56 / 1002, 12);
	});

	it('gives equal-tailed credible intervals of each rate', () => {
		// scipy 1.10 beta.ppf([.025, .975], 41, 961): 0.02955046, 0.05401908; (56, 946): 0.04253274, 0.0709212
		const r = betaBinomialComparison(COUNTS);
		expect(r.intervalA.lower).toBeCloseTo(0.02955046, 7);
		expect(r.intervalA.upper).toBeCloseTo(0.05401908, 7);
		expect(r.intervalB.lower).toBeCloseTo(0.04253274, 7);
		expect(r.intervalB.upper).toBeCloseTo(0.0709212, 7);
		expect(r.intervalA.estimate).toBeCloseTo(41 / 1002, 12);
	});

	it('agrees with its seeded Monte Carlo within sampling error', () => {
		const exact = betaBinomialComparison(COUNTS);
		const mc = betaBinomialComparison(COUNTS, { method: 'monte-carlo', draws: 200_000, seed: 7 });
		expect(mc.method).toBe('monte-carlo');
		// SE of a proportion from 200,000 draws: √(0.94 · 0.06 / 200000) = 0.00053
		expect(Math.abs(mc.probabilityBBeatsA - exact.probabilityBBeatsA)).toBeLessThan(4 * 0.00053);
		expect(mc.expectedLossA).toBeCloseTo(exact.expectedLossA, 3);
		expect(mc.expectedLossB).toBeCloseTo(exact.expectedLossB, 4);
	});

	it('falls back to Monte Carlo when no posterior a is an integer (Jeffreys prior)', () => {
		const jeffreys = betaBinomialComparison(COUNTS, { prior: { a: 0.5, b: 0.5 }, draws: 100_000 });
		expect(jeffreys.method).toBe('monte-carlo');
		expect(jeffreys.probabilityBBeatsA).toBeGreaterThan(0.93);
		expect(jeffreys.probabilityBBeatsA).toBeLessThan(0.95);
		expect(() => betaBinomialComparison(COUNTS, { prior: { a: 0.5, b: 0.5 }, method: 'exact' })).toThrow("invalid method: 'exact'");
	});

	it('sums exactly at large counts and is symmetric', () => {
		const big = { x1: 50_000, n1: 1_000_000, x2: 50_600, n2: 1_000_000 };
		const r = betaBinomialComparison(big);
		expect(r.method).toBe('exact');
		// Normal approximation: (0.0506 − 0.05) / √(0.05·0.95/1e6 + 0.0506·0.9494/1e6) = 1.9348, Φ = 0.97349
		expect(r.probabilityBBeatsA).toBeCloseTo(0.9735, 3);
		const swapped = betaBinomialComparison({ x1: big.x2, n1: big.n2, x2: big.x1, n2: big.n1 });
		expect(swapped.probabilityBBeatsA).toBeCloseTo(1 - r.probabilityBBeatsA, 9);
		expect(swapped.expectedLossA).toBeCloseTo(r.expectedLossB, 9);
	});

	it('gives the same Monte Carlo answer for the same seed', () => {
		const a = betaBinomialComparison(COUNTS, { method: 'monte-carlo', draws: 10_000, seed: 42 });
		const b = betaBinomialComparison(COUNTS, { method: 'monte-carlo', draws: 10_000, seed: 42 });
		expect(b).toEqual(a);
	});
});
