import { describe, expect, it } from 'vitest';
import { binFeatures, binOf, computeBinEdges, MISSING_BIN } from '../../../src/lib/model/bin-features';
import type { FeatureMatrix } from '../../../src/lib/model/feature-matrix';

const matrix = (columns: number[][]): FeatureMatrix => ({
	names: columns.map((_, f) => `x${f}`),
	columns: columns.map((c) => Float32Array.from(c)),
	rows: columns[0].length
});

describe('binning', () => {
	it('puts NaN in its own bin (255) and values in the bins below', () => {
		const m = matrix([[1, Number.NaN, 2, 3, Number.NaN, 2]]);
		const edges = computeBinEdges(m, { seed: 1 });
		const binned = binFeatures(m, edges);
		expect(Array.from(binned.columns[0])).toEqual([0, MISSING_BIN, 1, 2, MISSING_BIN, 1]);
	});

	it('uses midpoints between distinct values when they are few', () => {
		const edges = computeBinEdges(matrix([[5, 1, 3, 3, 1]]), { seed: 1 });
		expect(Array.from(edges[0])).toEqual([2, 4]);
	});

	it('respects at most 255 value bins with many distinct values, and maxBins below that', () => {
		const values = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 50_000);
		const m = matrix([values]);
		const edges = computeBinEdges(m, { seed: 1 });
		expect(edges[0].length).toBeLessThanOrEqual(254);
		expect(edges[0].length).toBeGreaterThan(250);
		const bins = binFeatures(m, edges).columns[0];
		expect(Math.max(...bins)).toBeLessThanOrEqual(254);
		// Quantile bins: about equally full.
		const counts = new Array(255).fill(0);
		for (const b of bins) counts[b]++;
		expect(Math.max(...counts)).toBeLessThan((2 * 50_000) / 255);
		expect(computeBinEdges(m, { seed: 1, maxBins: 16 })[0].length).toBe(15);
	});

	it('computes edges on a seeded sample: the same seed gives the same edges', () => {
		const values = Array.from({ length: 30_000 }, (_, i) => Math.sin(i) * 100);
		const m = matrix([values]);
		const a = computeBinEdges(m, { seed: 3, sampleSize: 1000 });
		const b = computeBinEdges(m, { seed: 3, sampleSize: 1000 });
		const c = computeBinEdges(m, { seed: 4, sampleSize: 1000 });
		expect(a).toEqual(b);
		expect(a).not.toEqual(c);
	});

	it('applies training edges to other rows: x goes to bin b when edges[b−1] < x ≤ edges[b]', () => {
		const edges = Float64Array.from([1.5, 2.5]);
		expect([0, 1.5, 1.6, 2.5, 99, Number.NaN, -Infinity, Infinity].map((x) => binOf(x, edges))).toEqual([0, 0, 1, 1, 2, MISSING_BIN, 0, 2]);
		const test = binFeatures(matrix([[0, 2, 3, Number.NaN]]), [edges]);
		expect(Array.from(test.columns[0])).toEqual([0, 1, 2, MISSING_BIN]);
	});

	it('gives a feature with no values a single bin', () => {
		const edges = computeBinEdges(matrix([[Number.NaN, Number.NaN]]), { seed: 1 });
		expect(edges[0].length).toBe(0);
	});
});
