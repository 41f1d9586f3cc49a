import { MISSING_BIN } from './bin-features';

// Hot loops read only bindings of their own module: run through vite-node (the CLI, the unit
// tests), every use of an imported binding is a getter call on the module namespace.
const MISSING = MISSING_BIN;

/**
 * One regression tree, node-indexed from the root (0). A leaf has feature -1 and left = right = -1.
 * A split node sends a row left when its bin is ≤ `bin` (equivalently its value ≤ `threshold`),
 * and a missing value left when `missingLeft` is 1.
 */
export interface Tree {
	feature: Int32Array;
	bin: Uint8Array;
	/** The value threshold; Infinity when the split separates missing values from all others. */
	threshold: Float64Array;
	missingLeft: Uint8Array;
	left: Int32Array;
	right: Int32Array;
	/** Leaf output (log-odds, learning rate applied); at a split node, what it would output as a leaf. */
	value: Float64Array;
	/** Training rows (of the tree's subsample) that reached the node. */
	cover: Float64Array;
	/** Loss reduction of the split; 0 at a leaf. */
	gain: Float64Array;
}

/** The leaf a row of raw feature values reaches. */
export function leafOfValues(tree: Tree, columns: Float32Array[], row: number): number {
	const { feature, threshold, missingLeft, left, right } = tree;
	let node = 0;
	while (left[node] >= 0) {
		const x = columns[feature[node]][row];
		const goLeft = x !== x ? missingLeft[node] === 1 : x <= threshold[node];
		node = goLeft ? left[node] : right[node];
	}
	return node;
}

/** The leaf a row of bins reaches. */
export function leafOfBins(tree: Tree, columns: Uint8Array[], row: number): number {
	const { feature, bin, missingLeft, left, right } = tree;
	let node = 0;
	while (left[node] >= 0) {
		const b = columns[feature[node]][row];
		const goLeft = b === MISSING ? missingLeft[node] === 1 : b <= bin[node];
		node = goLeft ? left[node] : right[node];
	}
	return node;
}

/** Adds the tree's output to `raw` for every row of a binned matrix (all rows, or those with skip[row] = 0). */
export function addTreeOnBins(tree: Tree, columns: Uint8Array[], raw: Float64Array, skip: Uint8Array | null = null): void {
	const value = tree.value;
	for (let i = 0; i < raw.length; i++) {
		if (skip !== null && skip[i] !== 0) continue;
		raw[i] += value[leafOfBins(tree, columns, i)];
	}
}

export function treeDepth(tree: Tree, node = 0): number {
	if (tree.left[node] < 0) return 0;
	return 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]));
}
