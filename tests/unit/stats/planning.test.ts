import { describe, expect, it } from 'vitest';
import {
	minimumDetectableEffectMeans,
	minimumDetectableEffectProportions,
	powerMeans,
	powerProportions,
	sampleSizeMeans,
	sampleSizeProportions,
	testDuration
} from '../../../src/lib/stats';

describe('sampleSizeProportions', () => {
	it('needs 1,904 per group for 3.2% → 5.0% at α 0.05 two-sided, power 0.8 (pooled)', () => {
		// R 4.2 power.prop.test(p1 = .032, p2 = .05, power = .8): n = 1903.821269;
		// statsmodels 0.13 samplesize_proportions_2indep_onetail(diff = -.018, prop2 = .05, power = .8): 1903.8212693
		const s = sampleSizeProportions({ p1: 0.032, p2: 0.05, alpha: 0.05, power: 0.8, sides: 2 });
		expect(s.exactN1).toBeCloseTo(1903.821269, 5);
		expect(s).toMatchObject({ n1: 1904, n2: 1904, total: 3808 });
	});

	it("needs 1,882.38 per group by Cohen's h for the same case, 1,883 rounded up", () => {
		// R pwr 1.3 pwr.2p.test(h = ES.h(.05, .032), power = .8): h = 0.09131981221, n = 1882.376915;
		// statsmodels 0.13 NormalIndPower().solve_power(proportion_effectsize(.05, .032), power = .8): 1882.3769105.
		// Both count the far tail of the two-sided test, which the closed form leaves out (+0.0046).
		// 1,882 is that n rounded to the nearest integer; every size here is rounded up, so 1,883.
		const s = sampleSizeProportions({ p1: 0.032, p2: 0.05, method: 'arcsine' });
		expect(s.exactN1).toBeCloseTo(1882.3815, 3);
		expect(Math.round(s.exactN1)).toBe(1882);
		expect(s.n1).toBe(1883);
	});

	it('matches R power.prop.test for 10% → 12% at power 0.9', () => {
		// R 4.2 power.prop.test(p1 = .10, p2 = .12, power = .9): n = 5141.306183
		const s = sampleSizeProportions({ p1: 0.1, p2: 0.12, power: 0.9 });
		expect(s.exactN1).toBeCloseTo(5141.306183, 4);
		expect(s.n1).toBe(5142);
	});

	it('matches R power.prop.test one-sided for 50% → 60%', () => {
		// R 4.2 power.prop.test(p1 = .5, p2 = .6, power = .8, alternative = "one.sided"): n = 304.9884914
		const s = sampleSizeProportions({ p1: 0.5, p2: 0.6, sides: 1 });
		expect(s.exactN1).toBeCloseTo(304.9884914, 5);
		expect(s.n1).toBe(305);
	});

	it('sizes unequal groups with n2 = ⌈r n1⌉ (pooled, r = 2 and r = 0.5)', () => {
		// statsmodels 0.13 samplesize_proportions_2indep_onetail(diff = p1 − p2, prop2 = p2, power = .8, ratio = r)
		// (its ratio is nobs2/nobs1, prop1 = prop2 + diff): r = 2 → 1466.0693930535; r = 0.5 → 2772.5036359212
		const two = sampleSizeProportions({ p1: 0.032, p2: 0.05, ratio: 2 });
		expect(two.exactN1).toBeCloseTo(1466.069393, 5);
		expect(two).toMatchObject({ n1: 1467, n2: 2934, total: 4401 });
		const half = sampleSizeProportions({ p1: 0.032, p2: 0.05, ratio: 0.5 });
		expect(half.exactN1).toBeCloseTo(2772.503636, 5);
		expect(half).toMatchObject({ n1: 2773, n2: 1387 });
	});

	it("sizes unequal groups by Cohen's h", () => {
		// statsmodels 0.13 NormalIndPower().solve_power(proportion_effectsize(.12, .10), power = .8, ratio = 2): 2875.9468
		// (two tails counted; the closed form is within 0.01)
		const s = sampleSizeProportions({ p1: 0.1, p2: 0.12, method: 'arcsine', ratio: 2 });
		expect(s.exactN1).toBeCloseTo(2875.9468, 1);
		expect(s).toMatchObject({ n1: 2876, n2: 5752 });
	});

	it('uses p1q1 + p2q2 under both hypotheses when unpooled', () => {
		// Fleiss, Levin & Paik (2003) eq. 4.14 with both variances unpooled, by hand:
		// (1.959964 + 0.841621)² (0.032·0.968 + 0.05·0.95) / 0.018² = 7.848879 · 0.078476 / 0.000324 = 1901.0891
		const s = sampleSizeProportions({ p1: 0.032, p2: 0.05, method: 'unpooled' });
		expect(s.exactN1).toBeCloseTo((2.8015852011 ** 2 * (0.032 * 0.968 + 0.05 * 0.95)) / 0.018 ** 2, 4);
		expect(s.n1).toBe(1902);
	});

	it('rejects an alpha outside (0, 1) with a message naming it and its range', () => {
		expect(() => sampleSizeProportions({ p1: 0.032, p2: 0.05, alpha: 1.2 })).toThrow('invalid alpha: 1.2 (must be between 0 and 1)');
		expect(() => sampleSizeProportions({ p1: 0.032, p2: 0.032 })).toThrow('invalid p2: 0.032 (must differ from p1)');
		expect(() => sampleSizeProportions({ p1: 0.032, p2: 0.05, sides: 3 as 2 })).toThrow('invalid sides: 3 (must be 1 or 2)');
		expect(() => sampleSizeProportions({ p1: 0.032, p2: 0.05, ratio: 0 })).toThrow('invalid ratio: 0');
	});
});

describe('sampleSizeMeans', () => {
	it('matches R power.t.test with the t correction', () => {
		// R 4.2 power.t.test(delta = 1, sd = 1, power = .8, strict = TRUE, tol = 1e-11): n = 16.714722447
		// (16.7147681 with the default strict = FALSE, which drops the far tail); (delta = .5): 63.7656101909;
		// (delta = .5, power = .95): 104.927942984, i.e. G*Power's 105 per group, total 210
		const a = sampleSizeMeans({ delta: 1, sd: 1, distribution: 't' });
		expect(a.exactN1).toBeCloseTo(16.714722447, 6);
		expect(a.n1).toBe(17);
		const b = sampleSizeMeans({ delta: 0.5, sd: 1, distribution: 't' });
		expect(b.exactN1).toBeCloseTo(63.7656101909, 4);
		expect(b.n1).toBe(64);
		const c = sampleSizeMeans({ delta: 0.5, sd: 1, power: 0.95, distribution: 't' });
		expect(c.exactN1).toBeCloseTo(104.927942984, 4);
		expect(c).toMatchObject({ n1: 105, n2: 105, total: 210 });
	});

	it('matches R power.t.test one-sided', () => {
		// R 4.2 power.t.test(delta = .2, sd = 1, power = .9, alternative = "one.sided", strict = TRUE, tol = 1e-11): n = 428.870452935
		const s = sampleSizeMeans({ delta: 0.2, sd: 1, power: 0.9, sides: 1, distribution: 't' });
		expect(s.exactN1).toBeCloseTo(428.870452935, 4);
		expect(s.n1).toBe(429);
	});

	it('matches statsmodels TTestIndPower with ratio 2', () => {
		// statsmodels 0.13 TTestIndPower().solve_power(effect_size = .5, alpha = .05, power = .8, ratio = 2): 47.7419206
		// (to its solver's tolerance)
		const s = sampleSizeMeans({ delta: 0.5, sd: 1, ratio: 2, distribution: 't' });
		expect(s.exactN1).toBeCloseTo(47.7419206, 4);
		expect(s).toMatchObject({ n1: 48, n2: 96 });
	});

	it('gives the normal approximation by default', () => {
		// (z_.975 + z_.8)² · 2 / 0.5² = 62.7910; statsmodels NormalIndPower().solve_power(.5, power = .8) = 62.7909 (far tail counted)
		const s = sampleSizeMeans({ delta: 0.5, sd: 1 });
		expect(s.exactN1).toBeCloseTo((2 * 2.8015852011 ** 2) / 0.25, 5);
		expect(s.n1).toBe(63);
	});

	it('accepts two sds', () => {
		// n1 = (z_a + z_b)² (sd1² + sd2²/r) / δ² = 7.848879 · (4 + 9) / 1 = 102.0354
		const s = sampleSizeMeans({ delta: 1, sd1: 2, sd2: 3 });
		expect(s.exactN1).toBeCloseTo(7.84887966 * 13, 4);
		expect(s.n1).toBe(103);
		expect(() => sampleSizeMeans({ delta: 1, sd1: 2 })).toThrow('invalid sd');
	});
});

describe('powerProportions', () => {
	it('matches R power.prop.test(strict = TRUE)', () => {
		// R 4.2 power.prop.test(n = 1000, p1 = .1, p2 = .13, strict = TRUE): power = 0.556852916
		expect(powerProportions({ p1: 0.1, p2: 0.13, n1: 1000 })).toBeCloseTo(0.556852916, 8);
		// power.prop.test(n = 500, p1 = .2, p2 = .25, alternative = "one.sided", strict = TRUE): 0.5982417761
		expect(powerProportions({ p1: 0.2, p2: 0.25, n1: 500, sides: 1 })).toBeCloseTo(0.5982417761, 8);
	});

	it("matches pwr.2p2n.test for Cohen's h with unequal groups", () => {
		// R pwr 1.3 pwr.2p2n.test(h = ES.h(.3, .2), n1 = 200, n2 = 400): power = 0.7638572096
		expect(powerProportions({ p1: 0.2, p2: 0.3, n1: 200, n2: 400, method: 'arcsine' })).toBeCloseTo(0.7638572096, 8);
	});

	it('reaches the target power at the planned size', () => {
		const s = sampleSizeProportions({ p1: 0.032, p2: 0.05, ratio: 2 });
		expect(powerProportions({ p1: 0.032, p2: 0.05, n1: s.n1, n2: s.n2 })).toBeGreaterThanOrEqual(0.8);
		expect(powerProportions({ p1: 0.032, p2: 0.05, n1: s.exactN1, n2: 2 * s.exactN1 })).toBeCloseTo(0.8, 5);
	});
});

describe('powerMeans', () => {
	it('matches R power.t.test and pwr.t2n.test', () => {
		// R 4.2 power.t.test(n = 20, delta = 1, sd = 1, strict = TRUE): 0.868953027725; (n = 50, delta = .5, sd = 2): 0.2357796732
		expect(powerMeans({ delta: 1, sd: 1, n1: 20, distribution: 't' })).toBeCloseTo(0.868953027725, 8);
		expect(powerMeans({ delta: 0.5, sd: 2, n1: 50, distribution: 't' })).toBeCloseTo(0.2357796732, 7);
		// R pwr 1.3 pwr.t2n.test(n1 = 50, n2 = 75, d = .5): 0.7755388254 (statsmodels TTestIndPower: 0.775538825)
		expect(powerMeans({ delta: 0.5, sd: 1, n1: 50, n2: 75, distribution: 't' })).toBeCloseTo(0.7755388254, 7);
	});

	it('matches statsmodels NormalIndPower for the normal approximation', () => {
		// statsmodels 0.13 NormalIndPower().power(effect_size = .5, nobs1 = 50, alpha = .05, ratio = 1.5): 0.7819079987
		expect(powerMeans({ delta: 0.5, sd: 1, n1: 50, n2: 75 })).toBeCloseTo(0.7819079987, 8);
	});
});

describe('minimumDetectableEffect', () => {
	it('finds the p2 R power.prop.test solves for', () => {
		// R 4.2 power.prop.test(n = 2000, p1 = .1, power = .8, strict = TRUE, tol = 1e-11): p2 = 0.128156208598
		const a = minimumDetectableEffectProportions({ p1: 0.1, n1: 2000 });
		expect(a.p2).toBeCloseTo(0.128156208598, 9);
		expect(a.absolute).toBeCloseTo(0.028156208598, 9);
		expect(a.relative).toBeCloseTo(0.28156208598, 8);
		// power.prop.test(n = 5000, p1 = .032, power = .8, strict = TRUE, tol = 1e-11): p2 = 0.0426177281985
		expect(minimumDetectableEffectProportions({ p1: 0.032, n1: 5000 }).p2).toBeCloseTo(0.0426177281985, 9);
	});

	it("finds the h pwr.2p.test solves for, by Cohen's h", () => {
		// R pwr 1.3 pwr.2p.test(n = 5000, power = .8): h = 0.05603613 (uniroot's default tolerance);
		// scipy 1.10 brentq(Φ(h√2500 − z) + Φ(−h√2500 − z) − 0.8, xtol = 1e-15): h = 0.056031635740
		const { p2 } = minimumDetectableEffectProportions({ p1: 0.032, n1: 5000, method: 'arcsine' });
		const h = 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(0.032));
		expect(h).toBeCloseTo(0.05603163574, 10);
		expect(h).toBeCloseTo(0.05603613435, 5);
	});

	it('looks below p1 when asked', () => {
		const down = minimumDetectableEffectProportions({ p1: 0.1, n1: 2000, direction: 'decrease' });
		expect(down.p2).toBeLessThan(0.1);
		expect(powerProportions({ p1: 0.1, p2: down.p2, n1: 2000 })).toBeCloseTo(0.8, 6);
	});

	it('throws when no p2 reaches the power', () => {
		expect(() => minimumDetectableEffectProportions({ p1: 0.5, n1: 3 })).toThrow('too small to reach power 0.8');
	});

	it('finds the delta R power.t.test solves for', () => {
		// R 4.2 power.t.test(n = 50, sd = 1, power = .8, strict = TRUE, tol = 1e-11): delta = 0.565882243753
		expect(minimumDetectableEffectMeans({ sd: 1, n1: 50, distribution: 't' })).toBeCloseTo(0.565882243753, 8);
		// normal: (z_.975 + z_.8) √(2/50) = 2.8015852 · 0.2
		expect(minimumDetectableEffectMeans({ sd: 1, n1: 50 })).toBeCloseTo(0.56031704, 7);
	});
});

describe('testDuration', () => {
	it('takes ⌈total / (daily traffic × share)⌉ days', () => {
		expect(testDuration({ nPerGroup: 1904, dailyTraffic: 500 })).toEqual({ days: 8, totalSample: 3808, dailyInTest: 500 });
		expect(testDuration({ nPerGroup: 1904, groups: 3, dailyTraffic: 1000, trafficShare: 0.5 }).days).toBe(12);
		expect(testDuration({ nPerGroup: 500, dailyTraffic: 1000 }).days).toBe(1);
		expect(() => testDuration({ nPerGroup: 100, dailyTraffic: 100, trafficShare: 1.5 })).toThrow(
			'invalid trafficShare: 1.5 (must be > 0 and <= 1)'
		);
	});
});
