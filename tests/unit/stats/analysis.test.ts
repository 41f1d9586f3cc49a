import { describe, expect, it } from 'vitest';
import {
	chiSquare2x2,
	newcombeInterval,
	relativeLift,
	sampleRatioMismatch,
	tInterval,
	tIntervalDifference,
	twoProportionZTest,
	welchTTest,
	welchTTestArrays,
	wilsonInterval
} from '../../../src/lib/stats';

// Student's (1908) sleep data, R's `sleep` data set: extra hours of sleep under two drugs.
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('twoProportionZTest', () => {
	it("matches R prop.test(correct = FALSE): z² = X², p, unpooled Wald interval", () => {
		// R 4.2 prop.test(c(48, 56), c(80, 70), correct = FALSE) (the reverse order prints the same):
		// X-squared = 7.0234114, p-value = 0.008045081, 95% CI of 0.8 − 0.6: 0.05750489915 0.34249510085
		const r = twoProportionZTest({ x1: 48, n1: 80, x2: 56, n2: 70 });
		expect(r.difference).toBeCloseTo(0.2, 12);
		expect(r.z * r.z).toBeCloseTo(7.0234114, 6);
		expect(r.z).toBeGreaterThan(0);
		expect(r.pValue).toBeCloseTo(0.008045081, 9);
		expect(r.lower).toBeCloseTo(0.05750489915, 9);
		expect(r.upper).toBeCloseTo(0.34249510085, 9);
	});

	it('gives one-sided p-values in the direction of B − A', () => {
		// R 4.2 prop.test(c(100, 120), c(1000, 1000), correct = FALSE): p = 0.152917782; alternative = "less"
		// (p1 − p2 < 0, i.e. B > A): 0.076458890932; CI −0.04741148199802, 0.00741148199802 (of p1 − p2)
		const counts = { x1: 100, n1: 1000, x2: 120, n2: 1000 };
		expect(twoProportionZTest(counts).pValue).toBeCloseTo(0.152917782, 9);
		expect(twoProportionZTest(counts, { alternative: 'greater' }).pValue).toBeCloseTo(0.076458890932, 11);
		expect(twoProportionZTest(counts, { alternative: 'less' }).pValue).toBeCloseTo(1 - 0.076458890932, 11);
		const r = twoProportionZTest(counts);
		expect(r.lower).toBeCloseTo(-0.00741148199802, 11);
		expect(r.upper).toBeCloseTo(0.04741148199802, 11);
	});

	it('rejects counts outside 0..n', () => {
		expect(() => twoProportionZTest({ x1: 11, n1: 10, x2: 1, n2: 10 })).toThrow('invalid x1: 11 (must be an integer between 0 and 10)');
		expect(() => twoProportionZTest({ x1: 1, n1: 10, x2: 1, n2: 10 }, { alternative: 'up' as 'less' })).toThrow('invalid alternative');
	});
});

describe('chiSquare2x2', () => {
	const table: [[number, number], [number, number]] = [
		[56, 14],
		[48, 32]
	];
	it('is uncorrected by default and matches R chisq.test(correct = FALSE)', () => {
		// R 4.2 chisq.test(matrix(c(56, 14, 48, 32), 2, byrow = TRUE), correct = FALSE): X-squared = 7.0234114, p = 0.008045081
		const r = chiSquare2x2(table);
		expect(r.yates).toBe(false);
		expect(r.statistic).toBeCloseTo(7.0234114, 6);
		expect(r.pValue).toBeCloseTo(0.008045081, 9);
		expect(r.expected[0][0]).toBeCloseTo((70 * 104) / 150, 12);
	});

	it("matches R chisq.test's default with Yates' correction", () => {
		// R 4.2 chisq.test(matrix(c(56, 14, 48, 32), 2, byrow = TRUE)): X-squared = 6.1142704, p-value = 0.01340948
		const r = chiSquare2x2(table, { yates: true });
		expect(r.statistic).toBeCloseTo(6.1142704, 6);
		expect(r.pValue).toBeCloseTo(0.01340948, 8);
	});

	it('refuses a table with an empty row', () => {
		expect(() => chiSquare2x2([[0, 0], [3, 4]])).toThrow('every row and column total must be > 0');
	});
});

describe('welchTTest', () => {
	it("matches R's t.test on Student's sleep data", () => {
		// R 4.2 t.test(extra ~ group, data = sleep) (its ?t.test example): t = -1.8608135, df = 17.776474,
		// p-value = 0.07939414, 95% CI of mean1 − mean2: -3.3654832307 0.2054832307. Ours is mean2 − mean1.
		const r = welchTTestArrays(SLEEP_1, SLEEP_2);
		expect(r.difference).toBeCloseTo(1.58, 12);
		expect(r.t).toBeCloseTo(1.8608135, 6);
		expect(r.df).toBeCloseTo(17.776474, 5);
		expect(r.pValue).toBeCloseTo(0.07939414, 8);
		expect(r.lower).toBeCloseTo(-0.2054832307, 8);
		expect(r.upper).toBeCloseTo(3.3654832307, 8);
	});

	it('gives the one-sided p-value', () => {
		// R 4.2 t.test(extra ~ group, data = sleep, alternative = "less"): p-value = 0.03969707
		expect(welchTTestArrays(SLEEP_1, SLEEP_2, { alternative: 'greater' }).pValue).toBeCloseTo(0.03969707, 8);
		expect(welchTTestArrays(SLEEP_1, SLEEP_2, { alternative: 'less' }).pValue).toBeCloseTo(1 - 0.03969707, 8);
	});

	it('gives the same answer from summary statistics', () => {
		// R 4.2 t.test(a, b) (Welch) on the two samples below: t = -2.4553564, df = 24.988529, p-value = 0.021378;
		// scipy 1.10 ttest_ind(a, b, equal_var = False) agrees. welchTTestArrays(b, a) tests mean(a) − mean(b).
		const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
		const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
		const fromArrays = welchTTestArrays(b, a);
		expect(fromArrays.t).toBeCloseTo(-2.4553564, 6);
		expect(fromArrays.df).toBeCloseTo(24.988529, 5);
		expect(fromArrays.pValue).toBeCloseTo(0.021378, 6);
		const m = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
		const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - m(xs)) ** 2, 0) / (xs.length - 1));
		const fromSummary = welchTTest({ mean: m(b), sd: sd(b), n: 15 }, { mean: m(a), sd: sd(a), n: 15 });
		expect(fromSummary.t).toBeCloseTo(fromArrays.t, 10);
		expect(fromSummary.pValue).toBeCloseTo(fromArrays.pValue, 10);
	});

	it('names the bad summary field', () => {
		expect(() => welchTTest({ mean: 1, sd: -1, n: 10 }, { mean: 1, sd: 1, n: 10 })).toThrow('invalid group1.sd: -1');
		expect(() => welchTTest({ mean: 1, sd: 1, n: 1 }, { mean: 1, sd: 1, n: 10 })).toThrow('invalid group1.n: 1 (must be an integer >= 2)');
	});
});

describe('tInterval', () => {
	it("matches R's t.test interval for one mean", () => {
		// R 4.2 t.test(sleep$extra[1:10])$conf.int: -0.5297804135 2.0297804135
		const r = tInterval(SLEEP_1);
		expect(r.estimate).toBeCloseTo(0.75, 12);
		expect(r.lower).toBeCloseTo(-0.5297804135, 9);
		expect(r.upper).toBeCloseTo(2.0297804135, 9);
		expect(r.df).toBe(9);
	});

	it("matches R's Welch and pooled intervals for a difference", () => {
		// R 4.2 t.test(extra ~ group, data = sleep)$conf.int: -3.3654832307 0.2054832307 (of mean1 − mean2);
		// with var.equal = TRUE: -3.3638740323 0.2038740323, df = 18
		const welch = tIntervalDifference(SLEEP_1, SLEEP_2);
		expect(welch.lower).toBeCloseTo(-0.2054832307, 8);
		expect(welch.upper).toBeCloseTo(3.3654832307, 8);
		const pooled = tIntervalDifference(SLEEP_1, SLEEP_2, { equalVariance: true });
		expect(pooled.df).toBe(18);
		expect(pooled.lower).toBeCloseTo(-0.2038740323, 9);
		expect(pooled.upper).toBeCloseTo(3.3638740323, 9);
	});
});

describe('wilsonInterval', () => {
	it('is exactly [0, u] at 0 successes and [l, 1] at n', () => {
		// R 4.2 prop.test(0, 10, correct = FALSE)$conf.int: 0 0.2775327999; prop.test(10, 10, ...): 0.7224672001 1
		const zero = wilsonInterval(0, 10);
		expect(zero.lower).toBe(0);
		expect(zero.upper).toBeCloseTo(0.2775327999, 10);
		const all = wilsonInterval(10, 10);
		expect(all.upper).toBe(1);
		expect(all.lower).toBeCloseTo(0.7224672001, 10);
		expect(wilsonInterval(0, 1).lower).toBe(0);
		expect(wilsonInterval(3, 3, 0.99).upper).toBe(1);
	});

	it("matches Newcombe (1998a)'s worked examples", () => {
		// Newcombe (1998), Stat Med 17:857, Table I, method 3 (score, no correction):
		// 81/263 → 0.2553, 0.3662; 15/148 → 0.0624, 0.1605; 0/20 → 0, 0.1611; 1/29 → 0.0061, 0.1718
		// (statsmodels 0.13 proportion_confint(81, 263, method = 'wilson'): 0.2552885199, 0.3662095770)
		const a = wilsonInterval(81, 263);
		expect(a.lower).toBeCloseTo(0.2552885199, 9);
		expect(a.upper).toBeCloseTo(0.366209577, 9);
		const cases: [number, number, number, number][] = [
			[15, 148, 0.0624, 0.1605],
			[0, 20, 0, 0.1611],
			[1, 29, 0.0061, 0.1718]
		];
		for (const [x, n, lo, hi] of cases) {
			const r = wilsonInterval(x, n);
			expect(r.lower).toBeCloseTo(lo, 4);
			expect(r.upper).toBeCloseTo(hi, 4);
		}
	});
});

describe('newcombeInterval', () => {
	it("matches Newcombe (1998b)'s worked examples for a difference", () => {
		// Newcombe (1998), Stat Med 17:873, Table II, method 10, θ = first − second:
		// 56/70 − 48/80 → 0.0524, 0.3339; 9/10 − 3/10 → 0.1705, 0.8090; 6/7 − 2/7 → 0.0582, 0.8062;
		// 5/56 − 0/29 → −0.0381, 0.1926; 0/10 − 0/20 → −0.1611, 0.2775; 10/10 − 0/20 → 0.6791, 1.0000.
		// statsmodels 0.13 confint_proportions_2indep(56, 70, 48, 80, method = 'newcomb'): 0.0524314724, 0.3338726540
		const a = newcombeInterval({ x1: 48, n1: 80, x2: 56, n2: 70 });
		expect(a.estimate).toBeCloseTo(0.2, 12);
		expect(a.lower).toBeCloseTo(0.0524314724, 9);
		expect(a.upper).toBeCloseTo(0.333872654, 9);
		const cases: [number, number, number, number, number, number][] = [
			[9, 10, 3, 10, 0.1705, 0.809],
			[6, 7, 2, 7, 0.0582, 0.8062],
			[5, 56, 0, 29, -0.0381, 0.1926],
			[0, 10, 0, 20, -0.1611, 0.2775],
			[10, 10, 0, 20, 0.6791, 1]
		];
		for (const [x2, n2, x1, n1, lo, hi] of cases) {
			const r = newcombeInterval({ x1, n1, x2, n2 });
			expect(r.lower).toBeCloseTo(lo, 4);
			expect(r.upper).toBeCloseTo(hi, 4);
		}
	});
});

describe('relativeLift', () => {
	it('matches the log risk-ratio interval of statsmodels', () => {
		// statsmodels 0.13 confint_proportions_2indep(120, 1000, 100, 1000, compare = 'ratio', method = 'log'):
		// (0.9341057511, 1.5415813449); Table2x2([[120, 880], [100, 900]]).riskratio_confint() gives the same.
		const r = relativeLift({ x1: 100, n1: 1000, x2: 120, n2: 1000 });
		expect(r.ratio).toBeCloseTo(1.2, 12);
		expect(r.lift).toBeCloseTo(0.2, 12);
		expect(r.lower).toBeCloseTo(0.9341057511 - 1, 9);
		expect(r.upper).toBeCloseTo(1.5415813449 - 1, 9);
	});

	it('refuses a zero count', () => {
		expect(() => relativeLift({ x1: 0, n1: 100, x2: 3, n2: 100 })).toThrow('invalid x1: 0');
	});
});

describe('sampleRatioMismatch', () => {
	it('flags 821,588 vs 815,482 planned 50/50', () => {
		// R 4.2 chisq.test(c(821588, 815482), p = c(.5, .5)): X-squared = 22.774369, p-value = 1.821793e-06
		const r = sampleRatioMismatch([821588, 815482]);
		expect(r.chiSquare).toBeCloseTo(22.774369, 5);
		expect(r.pValue).toBeCloseTo(1.821793e-6, 12);
		expect(r.mismatch).toBe(true);
		expect(r.threshold).toBe(0.001);
	});

	it('does not flag a split within chance at the default threshold 0.001', () => {
		// R 4.2 chisq.test(c(50000, 51000), p = c(.5, .5)): X-squared = 9.9009901, p-value = 0.001651899
		const r = sampleRatioMismatch([50000, 51000]);
		expect(r.pValue).toBeCloseTo(0.001651899, 9);
		expect(r.mismatch).toBe(false);
		expect(sampleRatioMismatch([50000, 51000], { threshold: 0.01 }).mismatch).toBe(true);
	});

	it('tests unequal plans and more than two groups', () => {
		// R 4.2 chisq.test(c(4100, 900), p = c(.8, .2)): X-squared = 12.5, p-value = 0.000406952017
		const r = sampleRatioMismatch([4100, 900], { ratio: [80, 20] });
		expect(r.chiSquare).toBeCloseTo(12.5, 10);
		expect(r.pValue).toBeCloseTo(0.000406952017, 12);
		expect(r.expected).toEqual([4000, 1000]);
		// R 4.2 chisq.test(c(10100, 9850, 20600), p = c(.25, .25, .5)): X-squared = 13.50185, df = 2, p-value = 0.001169797
		const three = sampleRatioMismatch([10100, 9850, 20600], { ratio: [1, 1, 2] });
		expect(three.df).toBe(2);
		expect(three.chiSquare).toBeCloseTo(13.50185, 5);
		expect(three.pValue).toBeCloseTo(0.001169797, 9);
		expect(() => sampleRatioMismatch([10, 20], { ratio: [1] })).toThrow('invalid ratio');
	});
});
