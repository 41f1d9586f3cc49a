import type { FeatureMatrix } from './feature-matrix';
import type { GbdtModel } from './gbdt-model';
import { treeDepth, type Tree } from './tree';

/** Per-row feature contributions to the raw score (log-odds): bias + Σ values of a row = its raw score. */
export interface Contributions {
	/**
	 * 'treeshap': path-dependent TreeSHAP (Lundberg et al. 2018, Algorithm 2), Shapley values of
	 * the trees with the training covers as the background distribution; bias = the covers'
	 * expected raw score. 'path': Saabas attribution, each split's change of the node value
	 * credited to its feature; bias = base score + the trees' root values.
	 */
	method: 'treeshap' | 'path';
	featureNames: string[];
	bias: number;
	/** The rows explained (row numbers of the matrix). */
	rows: number[];
	/** rows.length × features, row-major: values[r · features + f]. */
	values: Float64Array;
}

/**
 * Contributions of each feature to the raw score of the given rows (all rows by default).
 * TreeSHAP costs O(trees · leaves · depth²) per row: meant for the rows a user looks at, not a
 * whole population.
 */
export function contributions(model: GbdtModel, matrix: FeatureMatrix, rows?: ArrayLike<number>, method: 'treeshap' | 'path' = 'treeshap'): Contributions {
	const rowList = rows === undefined ? Array.from({ length: matrix.rows }, (_, i) => i) : Array.from(rows);
	const nFeatures = model.featureNames.length;
	if (matrix.columns.length !== nFeatures) throw new Error(`The matrix has ${matrix.columns.length} features; the model ${nFeatures}.`);
	const values = new Float64Array(rowList.length * nFeatures);
	let bias = model.baseScore;
	if (method === 'path') {
		for (const tree of model.trees) bias += tree.value[0];
		rowList.forEach((row, r) => {
			const phi = values.subarray(r * nFeatures, (r + 1) * nFeatures);
			for (const tree of model.trees) addPathContributions(tree, matrix.columns, row, phi);
		});
	} else {
		for (const tree of model.trees) bias += expectedValue(tree);
		const paths = model.trees.map((tree) => new ShapPath(treeDepth(tree)));
		rowList.forEach((row, r) => {
			const phi = values.subarray(r * nFeatures, (r + 1) * nFeatures);
			model.trees.forEach((tree, t) => {
				const shap = new TreeShap(tree, matrix.columns, row, phi, paths[t]);
				shap.recurse(0, 0, 0, 1, 1, -1);
			});
		});
	}
	return { method, featureNames: [...model.featureNames], bias, rows: rowList, values };
}

/** The tree's mean output over its training rows (cover-weighted mean of its leaves). */
export function expectedValue(tree: Tree): number {
	let sum = 0;
	for (let node = 0; node < tree.value.length; node++) if (tree.left[node] < 0) sum += tree.cover[node] * tree.value[node];
	return sum / tree.cover[0];
}

function goesLeft(tree: Tree, columns: Float32Array[], row: number, node: number): boolean {
	const x = columns[tree.feature[node]][row];
	return x !== x ? tree.missingLeft[node] === 1 : x <= tree.threshold[node];
}

function addPathContributions(tree: Tree, columns: Float32Array[], row: number, phi: Float64Array): void {
	let node = 0;
	while (tree.left[node] >= 0) {
		const next = goesLeft(tree, columns, row, node) ? tree.left[node] : tree.right[node];
		phi[tree.feature[node]] += tree.value[next] - tree.value[node];
		node = next;
	}
}

/** The "unique path" of Algorithm 2, one slice per recursion level (offsets into flat arrays). */
class ShapPath {
	feature: Int32Array;
	zero: Float64Array;
	one: Float64Array;
	weight: Float64Array;
	constructor(depth: number) {
		const size = (depth + 3) * (depth + 4);
		this.feature = new Int32Array(size);
		this.zero = new Float64Array(size);
		this.one = new Float64Array(size);
		this.weight = new Float64Array(size);
	}
}

class TreeShap {
	constructor(
		private tree: Tree,
		private columns: Float32Array[],
		private row: number,
		private phi: Float64Array,
		private p: ShapPath
	) {}

	/** Algorithm 2's RECURSE: the path of the node lives at `parent + depth + 1`. */
	recurse(node: number, depth: number, parent: number, parentZero: number, parentOne: number, parentFeature: number): void {
		const { tree, p } = this;
		const o = parent + depth + 1;
		for (let i = 0; i < depth; i++) {
			p.feature[o + i] = p.feature[parent + i];
			p.zero[o + i] = p.zero[parent + i];
			p.one[o + i] = p.one[parent + i];
			p.weight[o + i] = p.weight[parent + i];
		}
		this.extend(o, depth, parentZero, parentOne, parentFeature);
		if (tree.left[node] < 0) {
			const value = tree.value[node];
			for (let i = 1; i <= depth; i++) {
				const w = this.unwoundSum(o, depth, i);
				this.phi[p.feature[o + i]] += w * (p.one[o + i] - p.zero[o + i]) * value;
			}
			return;
		}
		const left = goesLeft(tree, this.columns, this.row, node);
		const hot = left ? tree.left[node] : tree.right[node];
		const cold = left ? tree.right[node] : tree.left[node];
		const cover = tree.cover[node];
		const split = tree.feature[node];
		let incomingZero = 1;
		let incomingOne = 1;
		let k = 0;
		while (k <= depth && p.feature[o + k] !== split) k++;
		if (k <= depth) {
			incomingZero = p.zero[o + k];
			incomingOne = p.one[o + k];
			this.unwind(o, depth, k);
			depth -= 1;
		}
		this.recurse(hot, depth + 1, o, (tree.cover[hot] / cover) * incomingZero, incomingOne, split);
		this.recurse(cold, depth + 1, o, (tree.cover[cold] / cover) * incomingZero, 0, split);
	}

	extend(o: number, depth: number, zero: number, one: number, feature: number): void {
		const { p } = this;
		p.feature[o + depth] = feature;
		p.zero[o + depth] = zero;
		p.one[o + depth] = one;
		p.weight[o + depth] = depth === 0 ? 1 : 0;
		for (let i = depth - 1; i >= 0; i--) {
			p.weight[o + i + 1] += (one * p.weight[o + i] * (i + 1)) / (depth + 1);
			p.weight[o + i] = (zero * p.weight[o + i] * (depth - i)) / (depth + 1);
		}
	}

	unwind(o: number, depth: number, index: number): void {
		const { p } = this;
		const one = p.one[o + index];
		const zero = p.zero[o + index];
		let next = p.weight[o + depth];
		for (let i = depth - 1; i >= 0; i--) {
			if (one !== 0) {
				const tmp = p.weight[o + i];
				p.weight[o + i] = (next * (depth + 1)) / ((i + 1) * one);
				next = tmp - (p.weight[o + i] * zero * (depth - i)) / (depth + 1);
			} else {
				p.weight[o + i] = (p.weight[o + i] * (depth + 1)) / (zero * (depth - i));
			}
		}
		for (let i = index; i < depth; i++) {
			p.feature[o + i] = p.feature[o + i + 1];
			p.zero[o + i] = p.zero[o + i + 1];
			p.one[o + i] = p.one[o + i + 1];
		}
	}

	unwoundSum(o: number, depth: number, index: number): number {
		const { p } = this;
		const one = p.one[o + index];
		const zero = p.zero[o + index];
		let next = p.weight[o + depth];
		let total = 0;
		for (let i = depth - 1; i >= 0; i--) {
			if (one !== 0) {
				const tmp = (next * (depth + 1)) / ((i + 1) * one);
				total += tmp;
				next = p.weight[o + i] - tmp * zero * ((depth - i) / (depth + 1));
			} else if (zero !== 0) {
				total += p.weight[o + i] / zero / ((depth - i) / (depth + 1));
			}
		}
		return total;
	}
}
