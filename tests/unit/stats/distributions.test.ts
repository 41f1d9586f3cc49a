import { describe, expect, it } from 'vitest';
import {
	chiSquareSurvival,
	histogram,
	normalCdf,
	normalQuantile,
	normalSurvival,
	quantileSorted,
	studentTCdf,
	studentTQuantile
} from '../../../src/lib/stats';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('distributions', () => {
	it('keep relative precision in the far normal tail', () => {
		// scipy 1.10 norm.sf(8) = 6.22096057427174e-16, norm.sf(30) = 4.906713927147908e-198
		expect(relative(normalSurvival(8), 6.22096057427174e-16)).toBeLessThan(1e-12);
		expect(relative(normalSurvival(30), 4.906713927147908e-198)).toBeLessThan(1e-12);
		expect(normalCdf(0)).toBeCloseTo(0.5, 15);
	});

	it('invert the normal cdf to full precision', () => {
		// scipy 1.10 norm.ppf(0.975) = 1.959963984540054, norm.ppf(1e-10) = -6.361340902404056
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
		expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
		expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
	});

	it('give chi-square upper tails for any df', () => {
		// scipy 1.10 chi2.sf(30, 3) = 1.3800570312932553e-06, chi2.sf(100, 1) = 1.5239706048320995e-23,
		// chi2.sf(13.50185, 2) = 0.0011697970579044679
		expect(relative(chiSquareSurvival(30, 3), 1.3800570312932553e-6)).toBeLessThan(1e-9);
		expect(relative(chiSquareSurvival(100, 1), 1.5239706048320995e-23)).toBeLessThan(1e-12);
		expect(relative(chiSquareSurvival(13.50185, 2), 0.0011697970579044679)).toBeLessThan(1e-12);
		expect(relative(chiSquareSurvival(4, 6), 0.6766764161830634)).toBeLessThan(1e-9);
	});

	it('give Student t cdf and quantile at fractional df', () => {
		// scipy 1.10 t.cdf(-2.5, 7.3) = 0.019825117332800207, t.ppf(0.975, 17.776474) = 2.10281723741247
		expect(relative(studentTCdf(-2.5, 7.3), 0.019825117332800207)).toBeLessThan(1e-9);
		expect(studentTQuantile(0.975, 17.776474)).toBeCloseTo(2.10281723741247, 8);
		expect(studentTQuantile(0.025, 17.776474)).toBeCloseTo(-2.10281723741247, 8);
	});
});

describe('quantileSorted and histogram', () => {
	it("interpolate like R's quantile type 7", () => {
		// R 4.2 quantile(c(1, 2, 4, 8), c(.05, .5, .95)): 1.15 3.00 7.40
		expect(quantileSorted([1, 2, 4, 8], 0.05)).toBeCloseTo(1.15, 12);
		expect(quantileSorted([1, 2, 4, 8], 0.5)).toBe(3);
		expect(quantileSorted([1, 2, 4, 8], 0.95)).toBeCloseTo(7.4, 12);
	});

	it('bins every value, the maximum in the last bin', () => {
		const bins = histogram([0, 1, 2, 3, 4, 10], 5);
		expect(bins.map((b) => b.count)).toEqual([2, 2, 1, 0, 1]);
		expect(bins[4].x1).toBe(10);
		expect(histogram([3, 3], 10)).toEqual([{ x0: 3, x1: 3, count: 2, share: 1 }]);
	});
});
