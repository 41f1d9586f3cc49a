import { describe, expect, it } from 'vitest';
import {
	mulberry32,
	powerProportions,
	sampleBeta,
	sampleBinomial,
	sampleNormal,
	simulateCampaign,
	simulateExperiment
} from '../../../src/lib/stats';

/** A population of `size` users of whom a share `rate` converted, in a seeded random order. */
function population(size: number, rate: number, seed: number): Uint8Array {
	const random = mulberry32(seed);
	const users = new Uint8Array(size);
	for (let i = 0; i < size; i++) users[i] = random() < rate ? 1 : 0;
	return users;
}

function meanAndVariance(draws: number[]): [number, number] {
	const m = draws.reduce((s, v) => s + v, 0) / draws.length;
	return [m, draws.reduce((s, v) => s + (v - m) ** 2, 0) / (draws.length - 1)];
}

describe('mulberry32', () => {
	it('repeats its sequence for a seed and stays in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const c = mulberry32(43);
		const first = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(first);
		expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
		let sum = 0;
		let inRange = true;
		for (let i = 0; i < 100_000; i++) {
			const u = a();
			inRange &&= u >= 0 && u < 1;
			sum += u;
		}
		expect(inRange).toBe(true);
		// mean of 100,000 uniforms: 0.5 ± 3 · 0.00091
		expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.003);
		expect(() => mulberry32(-1)).toThrow('invalid seed: -1 (must be an integer between 0 and 4294967295)');
	});
});

describe('random variates', () => {
	it('draw binomials with mean np and variance np(1 − p), by both branches', () => {
		const random = mulberry32(3);
		const cases: [number, number][] = [
			[1_000_000, 0.05],
			[30, 0.1],
			[200, 0.97],
			[5000, 0.5]
		];
		for (const [n, p] of cases) {
			const draws = Array.from({ length: 4000 }, () => sampleBinomial(random, n, p));
			const [m, v] = meanAndVariance(draws);
			const sd = Math.sqrt(n * p * (1 - p));
			expect(Math.abs(m - n * p)).toBeLessThan((4 * sd) / Math.sqrt(4000));
			expect(Math.abs(v / (n * p * (1 - p)) - 1)).toBeLessThan(0.1);
			expect(draws.every((d) => Number.isInteger(d) && d >= 0 && d <= n)).toBe(true);
		}
	});

	it('draw normals and betas with the right moments', () => {
		const random = mulberry32(4);
		const [mz, vz] = meanAndVariance(Array.from({ length: 20_000 }, () => sampleNormal(random)));
		expect(Math.abs(mz)).toBeLessThan(0.03);
		expect(Math.abs(vz - 1)).toBeLessThan(0.04);
		// Beta(2, 5): mean 2/7, variance 10/(49 · 8); Beta(0.5, 0.5): mean 0.5, variance 1/8
		const [mb, vb] = meanAndVariance(Array.from({ length: 20_000 }, () => sampleBeta(random, 2, 5)));
		expect(Math.abs(mb - 2 / 7)).toBeLessThan(0.005);
		expect(Math.abs(vb - 10 / 392)).toBeLessThan(0.002);
		const [mj, vj] = meanAndVariance(Array.from({ length: 20_000 }, () => sampleBeta(random, 0.5, 0.5)));
		expect(Math.abs(mj - 0.5)).toBeLessThan(0.01);
		expect(Math.abs(vj - 0.125)).toBeLessThan(0.005);
	});
});

describe('simulateExperiment', () => {
	const users = population(100_000, 0.05, 1);

	it('rejects about α of A/A tests on a real-sized population, 1,000 reps of 2 × 5,000 users in well under a second', () => {
		const start = performance.now();
		const r = simulateExperiment({ population: users, nPerGroup: 5000, reps: 1000, alpha: 0.05, seed: 99 });
		expect(performance.now() - start).toBeLessThan(1000);
		expect(r.kind).toBe('A/A');
		// 1,000 reps: 0.05 ± 3 √(0.05 · 0.95 / 1000) = 0.05 ± 0.021
		expect(Math.abs(r.rejectionRate - 0.05)).toBeLessThan(0.021);
		expect(r.lower).toBeLessThan(r.rejectionRate);
		expect(r.upper).toBeGreaterThan(r.rejectionRate);
		expect(r.rejections).toBe(Math.round(r.rejectionRate * 1000));
	});

	it('reaches the planned power with a planted effect', () => {
		const r = simulateExperiment({ population: users, nPerGroup: 5000, reps: 1000, seed: 3, targetRate: 0.0625 });
		expect(r.kind).toBe('A/B');
		const planned = powerProportions({ p1: r.populationRate, p2: 0.0625, n1: 5000 });
		// planned ≈ 0.79; the empirical rate lies within 3 SE (0.039) of it
		expect(Math.abs(r.rejectionRate - planned)).toBeLessThan(0.04);
	});

	it('gives identical output for the same seed', () => {
		const a = simulateExperiment({ population: users, nPerGroup: 2000, reps: 200, seed: 8, targetRate: 0.06 });
		const b = simulateExperiment({ population: users, nPerGroup: 2000, reps: 200, seed: 8, targetRate: 0.06 });
		expect(b).toEqual(a);
	});

	it('refuses groups larger than the population and non-binary outcomes', () => {
		expect(() => simulateExperiment({ population: [0, 1, 1], nPerGroup: 2 })).toThrow('invalid nPerGroup: 2 (two groups must fit in the population of 3)');
		expect(() => simulateExperiment({ population: [0, 2, 1, 0], nPerGroup: 1 })).toThrow('invalid population[1]: 2 (must be 0 or 1)');
		expect(() => simulateExperiment({ population: users, nPerGroup: 10, targetRate: 0.01 })).toThrow('invalid targetRate: 0.01');
	});
});

describe('simulateCampaign', () => {
	const options = {
		scenarios: [
			{ name: 'no effect', lift: 0, probability: 0.3 },
			{ name: 'small', lift: 0.1, probability: 0.5 },
			{ name: 'large', lift: 0.3, probability: 0.2 }
		],
		baselineRate: 0.05,
		targetedUsers: 20_000,
		revenuePerReactivation: 60,
		costPerTargetedUser: 0.2,
		fixedCost: 500,
		draws: 20_000,
		seed: 12
	};

	it('makes the no-effect scenario lose exactly the cost', () => {
		const r = simulateCampaign(options);
		const none = r.rows[0];
		expect(r.summary.cost).toBe(4500);
		expect(none.incrementalReactivations).toBe(0);
		expect(none.incrementalRevenue).toBe(0);
		expect(none.netProfit).toBe(-4500);
		// 30% of draws are exactly −4,500, so the 5th percentile is too
		expect(r.summary.p5).toBe(-4500);
	});

	it('gives per-scenario expectations and a summary by its stated rule', () => {
		const r = simulateCampaign(options);
		// small: 20,000 · 0.05 · 0.1 = 100 reactivations · 60 − 4,500 = 1,500; large: 300 · 60 − 4,500 = 13,500
		expect(r.rows.map((row) => row.netProfit)).toEqual([-4500, 1500, 13500]);
		expect(r.summary.expectedProfit).toBeCloseTo(0.3 * -4500 + 0.5 * 1500 + 0.2 * 13500, 9);
		expect(Math.abs(r.summary.simulatedMeanProfit - 2100)).toBeLessThan(150);
		// P(loss) = 0.3 + 0.5 · P(Binomial(20000, 0.005) < 75) ≈ 0.3 + 0.5 · 0.006
		expect(Math.abs(r.summary.probabilityOfLoss - 0.303)).toBeLessThan(0.012);
		expect(r.summary.decision).toBe('NO-GO');
		expect(r.summary.rule).toBe('GO when expected profit > 0 and P(loss) < 20%');
		expect(simulateCampaign({ ...options, maxLossProbability: 0.35 }).summary.decision).toBe('GO');
		expect(r.rows.reduce((s, row) => s + row.draws, 0)).toBe(20_000);
		expect(r.summary.p5).toBeLessThanOrEqual(r.summary.p50);
		expect(r.summary.p50).toBeLessThanOrEqual(r.summary.p95);
	});

	it('returns a histogram of every draw', () => {
		const r = simulateCampaign({ ...options, bins: 25 });
		expect(r.histogram).toHaveLength(25);
		expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(20_000);
		expect(r.histogram[0].x0).toBe(-4500);
		expect(r.histogram[0].count).toBeGreaterThanOrEqual(r.rows[0].draws);
	});

	it('gives identical output for the same seed', () => {
		expect(simulateCampaign(options)).toEqual(simulateCampaign(options));
		expect(simulateCampaign({ ...options, seed: 13 }).summary.simulatedMeanProfit).not.toBe(simulateCampaign(options).summary.simulatedMeanProfit);
	});

	it('refuses probabilities that do not sum to 1', () => {
		expect(() => simulateCampaign({ ...options, scenarios: [{ name: 'a', lift: 0, probability: 0.5 }] })).toThrow(
			'invalid scenarios: probabilities sum to 0.5 (must sum to 1)'
		);
		expect(() => simulateCampaign({ ...options, scenarios: [{ name: 'a', lift: 30, probability: 1 }] })).toThrow('invalid scenarios[0].lift: 30');
	});
});
