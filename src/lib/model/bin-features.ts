import { createRandom } from './random';
import { sampleRows } from './sample-rows';
import type { FeatureMatrix } from './feature-matrix';

/** The bin of a missing value; values use bins 0…254. */
export const MISSING_BIN = 255;
export const MAX_VALUE_BINS = 255;

/**
 * Per feature, increasing distinct thresholds: a value x falls in bin b when
 * edges[b-1] < x <= edges[b], so a feature has edges.length + 1 value bins.
 */
export type BinEdges = Float64Array[];

/** One bin number per row and feature, column-major. */
export interface BinnedMatrix {
	columns: Uint8Array[];
	rows: number;
}

export interface BinningOptions {
	/** Value bins per feature, at most 255 (the default). */
	maxBins?: number;
	/** Rows the quantiles are computed on (a seeded sample when there are more); default 200,000. */
	sampleSize?: number;
	seed: number;
}

/**
 * Quantile bin edges as scikit-learn's HistGradientBoosting computes them: with no more distinct
 * values than bins, the midpoints between consecutive distinct values; otherwise the
 * midpoint-interpolated percentiles at 1/maxBins, 2/maxBins, …, duplicates removed.
 * `rows` restricts the computation to those rows of the matrix.
 */
export function computeBinEdges(matrix: FeatureMatrix, options: BinningOptions, rows: Uint32Array | null = null): BinEdges {
	const maxBins = options.maxBins ?? MAX_VALUE_BINS;
	if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > MAX_VALUE_BINS) {
		throw new Error(`maxBins must be an integer from 2 to ${MAX_VALUE_BINS}; it is ${maxBins}.`);
	}
	const sampleSize = options.sampleSize ?? 200_000;
	const n = rows === null ? matrix.rows : rows.length;
	let sample: Uint32Array;
	if (n > sampleSize) {
		sample = sampleRows(n, sampleSize, createRandom(options.seed));
		if (rows !== null) sample = sample.map((k) => rows[k]);
	} else {
		sample = rows ?? Uint32Array.from({ length: n }, (_, i) => i);
	}
	const values = new Float64Array(sample.length);
	return matrix.columns.map((column) => {
		let m = 0;
		for (let k = 0; k < sample.length; k++) {
			const x = column[sample[k]];
			if (x === x) values[m++] = x;
		}
		return edgesOf(values.subarray(0, m).sort(), maxBins);
	});
}

function edgesOf(sorted: Float64Array, maxBins: number): Float64Array {
	const distinct: number[] = [];
	for (let k = 0; k < sorted.length; k++) {
		if (k === 0 || sorted[k] !== sorted[k - 1]) distinct.push(sorted[k]);
	}
	const edges: number[] = [];
	const add = (edge: number) => {
		if (edge === edge && (edges.length === 0 || edge > edges[edges.length - 1])) edges.push(edge);
	};
	if (distinct.length <= maxBins) {
		for (let k = 1; k < distinct.length; k++) add((distinct[k - 1] + distinct[k]) / 2);
	} else {
		const last = sorted.length - 1;
		for (let q = 1; q < maxBins; q++) {
			const position = (q / maxBins) * last;
			add((sorted[Math.floor(position)] + sorted[Math.ceil(position)]) / 2);
		}
	}
	return Float64Array.from(edges);
}

/** The bin of one value (MISSING_BIN for NaN). */
export function binOf(x: number, edges: Float64Array): number {
	if (x !== x) return MISSING_BIN;
	let lo = 0;
	let hi = edges.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (x <= edges[mid]) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** The matrix's values as bins of the given edges; `rows` bins only those rows, in that order. */
export function binFeatures(matrix: FeatureMatrix, edges: BinEdges, rows: Uint32Array | null = null): BinnedMatrix {
	const n = rows === null ? matrix.rows : rows.length;
	const columns = matrix.columns.map((column, f) => {
		const padded = new Float64Array(256).fill(Infinity);
		padded.set(edges[f]);
		const out = new Uint8Array(n);
		binColumn(column, rows, padded, out);
		return out;
	});
	return { columns, rows: n };
}

/**
 * Bins by a binary search of fixed depth over the edges padded to 256 with Infinity: eight
 * steps, each adding its power of two when the edge there is below x, with no branch (the
 * directions of a search are as unpredictable as the data; this runs twice as fast as a
 * branching search). NaN is below no edge, then sent to the missing bin.
 */
function binColumn(column: Float32Array, rows: Uint32Array | null, p: Float64Array, out: Uint8Array): void {
	const n = out.length;
	for (let k = 0; k < n; k++) {
		const x = rows === null ? column[k] : column[rows[k]];
		let pos = 0;
		pos += 128 & -+(p[pos + 127] < x);
		pos += 64 & -+(p[pos + 63] < x);
		pos += 32 & -+(p[pos + 31] < x);
		pos += 16 & -+(p[pos + 15] < x);
		pos += 8 & -+(p[pos + 7] < x);
		pos += 4 & -+(p[pos + 3] < x);
		pos += 2 & -+(p[pos + 1] < x);
		pos += 1 & -+(p[pos] < x);
		out[k] = x === x ? pos : 255;
	}
}
