import { MISSING_BIN } from './bin-features';
import { FEATURE_HIST_SIZE, HIST_STRIDE } from './histogram';

// Hot loops read only bindings of their own module: run through vite-node (the CLI, the unit
// tests), every use of an imported binding is a getter call on the module namespace.
const MISSING = MISSING_BIN;
const STRIDE = HIST_STRIDE;
const FEATURE_SIZE = FEATURE_HIST_SIZE;

export interface SplitRules {
	lambda: number;
	minSamplesLeaf: number;
	minHessian: number;
	minGain: number;
}

/** The best split of a leaf; `gain` ≤ 0 means none was allowed. */
export interface Split {
	gain: number;
	feature: number;
	/** Rows with a bin ≤ this go left. */
	bin: number;
	missingLeft: boolean;
	gLeft: number;
	hLeft: number;
	nLeft: number;
}

export function noSplit(): Split {
	return { gain: 0, feature: -1, bin: 0, missingLeft: false, gLeft: 0, hLeft: 0, nLeft: 0 };
}

/** G²/(H+λ): twice the loss reduction of a leaf at its optimal value. */
function score(g: number, h: number, lambda: number): number {
	return (g * g) / (h + lambda);
}

/**
 * The split of largest loss reduction ½·[G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)] over the
 * features' histograms, both sides satisfying the rules. For each threshold, missing values are
 * tried on each side; a leaf without missing values sends them (at prediction) to the side with
 * more rows. Missing values alone against all others is a candidate too (threshold = last bin).
 * Ties keep the first found (features in the given order, then bins ascending), so results do
 * not depend on anything but the data.
 */
export function findBestSplit(
	hist: Float64Array,
	features: Int32Array,
	valueBins: Int32Array,
	g: number,
	h: number,
	n: number,
	rules: SplitRules,
	best: Split
): Split {
	const { lambda, minSamplesLeaf, minHessian } = rules;
	const parentScore = score(g, h, lambda);
	let bestScore = parentScore + 2 * rules.minGain;
	best.gain = 0;
	best.feature = -1;
	for (let i = 0; i < features.length; i++) {
		const f = features[i];
		const base = f * FEATURE_SIZE;
		const m = base + MISSING * STRIDE;
		const gm = hist[m];
		const hm = hist[m + 1];
		const nm = hist[m + 2];
		const bins = valueBins[f];
		let gl = 0;
		let hl = 0;
		let nl = 0;
		for (let b = 0; b < bins; b++) {
			const o = base + b * STRIDE;
			gl += hist[o];
			hl += hist[o + 1];
			nl += hist[o + 2];
			if (b < bins - 1) {
				// Missing values right.
				const nr = n - nl;
				const hr = h - hl;
				if (nl >= minSamplesLeaf && nr >= minSamplesLeaf && hl >= minHessian && hr >= minHessian) {
					const s = score(gl, hl, lambda) + score(g - gl, hr, lambda);
					if (s > bestScore) {
						bestScore = s;
						set(best, f, b, nm === 0 ? nl >= nr : false, gl, hl, nl);
					}
				}
			}
			if (nm > 0) {
				// Missing values left (at the last bin: every value left, missing right).
				const gl2 = b < bins - 1 ? gl + gm : g - gm;
				const hl2 = b < bins - 1 ? hl + hm : h - hm;
				const nl2 = b < bins - 1 ? nl + nm : n - nm;
				const nr = n - nl2;
				const hr = h - hl2;
				if (nl2 >= minSamplesLeaf && nr >= minSamplesLeaf && hl2 >= minHessian && hr >= minHessian) {
					const s = score(gl2, hl2, lambda) + score(g - gl2, hr, lambda);
					if (s > bestScore) {
						bestScore = s;
						set(best, f, b, b < bins - 1, gl2, hl2, nl2);
					}
				}
			}
		}
	}
	if (best.feature >= 0) best.gain = (bestScore - parentScore) / 2;
	return best;
}

function set(best: Split, f: number, b: number, missingLeft: boolean, gl: number, hl: number, nl: number): void {
	best.feature = f;
	best.bin = b;
	best.missingLeft = missingLeft;
	best.gLeft = gl;
	best.hLeft = hl;
	best.nLeft = nl;
}
