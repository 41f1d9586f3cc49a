/** Per bin: sum of gradients, sum of hessians, row count. */
export const HIST_STRIDE = 3;
/** 255 value bins and the missing bin. */
export const HIST_BINS = 256;
export const FEATURE_HIST_SIZE = HIST_BINS * HIST_STRIDE;

/**
 * Fills the histograms of `features` for the rows at positions start…end-1 of `rows`. Gradient
 * and hessian of row r are gh[2r], gh[2r+1]; they are first gathered into `ordered` (in position
 * order, as scikit-learn does per node) so the passes over the features read them sequentially.
 * A leaf's histograms are one Float64Array, FEATURE_HIST_SIZE per feature. Four features share
 * one pass over the rows: the row's gradient is loaded once, and the four additions do not wait
 * on each other (one feature at a time, rows in the same bin make each addition wait for the
 * last one, which skewed count features do all the time).
 */
export function buildHistograms(
	hist: Float64Array,
	columns: Uint8Array[],
	features: Int32Array,
	rows: Uint32Array,
	gh: Float32Array,
	start: number,
	end: number,
	ordered: Float32Array
): void {
	for (let i = 0; i < features.length; i++) {
		const base = features[i] * FEATURE_HIST_SIZE;
		hist.fill(0, base, base + FEATURE_HIST_SIZE);
	}
	gather(rows, gh, start, end, ordered);
	const r = rows.subarray(start, end);
	const n = end - start;
	let i = 0;
	for (; i + 4 <= features.length; i += 4) {
		const [f0, f1, f2, f3] = [features[i], features[i + 1], features[i + 2], features[i + 3]];
		accumulate4(hist, f0 * FEATURE_HIST_SIZE, columns[f0], f1 * FEATURE_HIST_SIZE, columns[f1], f2 * FEATURE_HIST_SIZE, columns[f2], f3 * FEATURE_HIST_SIZE, columns[f3], r, ordered, 0, n);
	}
	for (; i + 2 <= features.length; i += 2) {
		const [f0, f1] = [features[i], features[i + 1]];
		accumulate2(hist, f0 * FEATURE_HIST_SIZE, columns[f0], f1 * FEATURE_HIST_SIZE, columns[f1], r, ordered, 0, n);
	}
	if (i < features.length) accumulate1(hist, features[i] * FEATURE_HIST_SIZE, columns[features[i]], r, ordered, 0, n);
}

function gather(rows: Uint32Array, gh: Float32Array, start: number, end: number, ordered: Float32Array): void {
	for (let k = start; k < end; k++) {
		const r = rows[k];
		ordered[2 * (k - start)] = gh[2 * r];
		ordered[2 * (k - start) + 1] = gh[2 * r + 1];
	}
}

function accumulate4(
	hist: Float64Array,
	b0: number,
	c0: Uint8Array,
	b1: number,
	c1: Uint8Array,
	b2: number,
	c2: Uint8Array,
	b3: number,
	c3: Uint8Array,
	rows: Uint32Array,
	gh: Float32Array,
	start: number,
	end: number
): void {
	for (let k = start; k < end; k++) {
		const r = rows[k];
		const g = gh[2 * k];
		const h = gh[2 * k + 1];
		const o0 = b0 + c0[r] * HIST_STRIDE;
		const o1 = b1 + c1[r] * HIST_STRIDE;
		const o2 = b2 + c2[r] * HIST_STRIDE;
		const o3 = b3 + c3[r] * HIST_STRIDE;
		hist[o0] += g;
		hist[o0 + 1] += h;
		hist[o0 + 2] += 1;
		hist[o1] += g;
		hist[o1 + 1] += h;
		hist[o1 + 2] += 1;
		hist[o2] += g;
		hist[o2 + 1] += h;
		hist[o2 + 2] += 1;
		hist[o3] += g;
		hist[o3 + 1] += h;
		hist[o3 + 2] += 1;
	}
}

function accumulate2(hist: Float64Array, b0: number, c0: Uint8Array, b1: number, c1: Uint8Array, rows: Uint32Array, gh: Float32Array, start: number, end: number): void {
	for (let k = start; k < end; k++) {
		const r = rows[k];
		const g = gh[2 * k];
		const h = gh[2 * k + 1];
		const o0 = b0 + c0[r] * HIST_STRIDE;
		const o1 = b1 + c1[r] * HIST_STRIDE;
		hist[o0] += g;
		hist[o0 + 1] += h;
		hist[o0 + 2] += 1;
		hist[o1] += g;
		hist[o1 + 1] += h;
		hist[o1 + 2] += 1;
	}
}

function accumulate1(hist: Float64Array, b0: number, c0: Uint8Array, rows: Uint32Array, gh: Float32Array, start: number, end: number): void {
	for (let k = start; k < end; k++) {
		const o0 = b0 + c0[rows[k]] * HIST_STRIDE;
		hist[o0] += gh[2 * k];
		hist[o0 + 1] += gh[2 * k + 1];
		hist[o0 + 2] += 1;
	}
}

/** parent -= child, for the given features: the parent's histograms become the sibling's. */
export function subtractHistograms(parent: Float64Array, child: Float64Array, features: Int32Array): void {
	for (let i = 0; i < features.length; i++) {
		const base = features[i] * FEATURE_HIST_SIZE;
		for (let o = base; o < base + FEATURE_HIST_SIZE; o++) parent[o] -= child[o];
	}
}
