/** Per bin: sum of gradients, sum of hessians, row count. */
export const HIST_STRIDE = 3;
/** 255 value bins and the missing bin. */
export const HIST_BINS = 256;
export const FEATURE_HIST_SIZE = HIST_BINS * HIST_STRIDE;

/**
 * Fills the histograms of `features` for the rows at positions start…end-1 of `rows`, whose
 * gradient and hessian are gh[2k], gh[2k+1] (stored in row-position order, so read sequentially).
 * A leaf's histograms are one Float64Array, FEATURE_HIST_SIZE per feature.
 */
export function buildHistograms(
	hist: Float64Array,
	columns: Uint8Array[],
	features: Int32Array,
	rows: Uint32Array,
	gh: Float32Array,
	start: number,
	end: number
): void {
	for (let i = 0; i < features.length; i++) {
		const f = features[i];
		const base = f * FEATURE_HIST_SIZE;
		hist.fill(0, base, base + FEATURE_HIST_SIZE);
		accumulate(hist, base, columns[f], rows, gh, start, end);
	}
}

function accumulate(hist: Float64Array, base: number, column: Uint8Array, rows: Uint32Array, gh: Float32Array, start: number, end: number): void {
	for (let k = start; k < end; k++) {
		const o = base + column[rows[k]] * HIST_STRIDE;
		hist[o] += gh[2 * k];
		hist[o + 1] += gh[2 * k + 1];
		hist[o + 2] += 1;
	}
}

/** parent -= child, for the given features: the parent's histograms become the sibling's. */
export function subtractHistograms(parent: Float64Array, child: Float64Array, features: Int32Array): void {
	for (let i = 0; i < features.length; i++) {
		const base = features[i] * FEATURE_HIST_SIZE;
		for (let o = base; o < base + FEATURE_HIST_SIZE; o++) parent[o] -= child[o];
	}
}
