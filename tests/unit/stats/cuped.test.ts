import { describe, expect, it } from 'vitest';
import { cuped, cupedSampleSize, mulberry32, sampleNormal, variance } from '../../../src/lib/stats';

/** n pairs with correlation rho: x = z1, y = 10 + rho z1 + √(1 − rho²) z2, from a seeded normal source. */
function correlatedPairs(n: number, rho: number, seed: number): { x: number[]; y: number[] } {
	const random = mulberry32(seed);
	const x: number[] = [];
	const y: number[] = [];
	for (let i = 0; i < n; i++) {
		const z1 = sampleNormal(random);
		const z2 = sampleNormal(random);
		x.push(z1);
		y.push(10 + rho * z1 + Math.sqrt(1 - rho * rho) * z2);
	}
	return { x, y };
}

describe('cuped', () => {
	it('removes ρ² ≈ 0.36 of the variance when the covariate correlates at 0.6', () => {
		// Deng, Xu, Kohavi & Walker (2013): var(y − θ(x − x̄)) = var(y)(1 − ρ²) at θ = cov(x, y)/var(x).
		const { x, y } = correlatedPairs(20_000, 0.6, 123);
		const r = cuped(y, x);
		// SE of a sample correlation near 0.6 at n = 20,000: (1 − ρ²)/√n = 0.0045
		expect(Math.abs(r.correlation - 0.6)).toBeLessThan(0.015);
		expect(Math.abs(r.varianceReduction - 0.36)).toBeLessThan(0.02);
		expect(Math.abs(r.theta - 0.6)).toBeLessThan(0.02);
		expect(variance(r.adjusted) / variance(y)).toBeCloseTo(r.varianceFactor, 10);
		expect(r.varianceFactor).toBeCloseTo(1 - r.correlation ** 2, 12);
		const meanAdjusted = r.adjusted.reduce((s, v) => s + v, 0) / r.adjusted.length;
		expect(meanAdjusted).toBeCloseTo(r.meanY, 10);
	});

	it('changes nothing with an uncorrelated covariate', () => {
		const { x, y } = correlatedPairs(20_000, 0, 9);
		expect(cuped(y, x).varianceReduction).toBeLessThan(0.001);
	});

	it('refuses unpaired or constant covariates', () => {
		expect(() => cuped([1, 2, 3], [1, 2])).toThrow('invalid x: 2 values (must pair with y: 3)');
		expect(() => cuped([1, 2, 3], [5, 5, 5])).toThrow('invalid x: constant');
	});
});

describe('cupedSampleSize', () => {
	it('scales the sample size by 1 − ρ² and rounds up', () => {
		// 1904 · (1 − 0.36) = 1218.56
		expect(cupedSampleSize(1904, 0.6)).toBe(1219);
		expect(cupedSampleSize(1000, 0)).toBe(1000);
		expect(cupedSampleSize(1000, -0.5)).toBe(750);
		expect(() => cupedSampleSize(1000, 1.5)).toThrow('invalid correlation: 1.5 (must be between -1 and 1)');
	});
});
