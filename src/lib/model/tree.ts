import { partitionRows } from './partition-rows';

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

/**
 * Adds the tree's output to raw[i] for every row i of a binned matrix, by partitioning the row
 * numbers down the tree: sequential, branch-free reads, about twice as fast as walking the tree
 * row by row. `rows` and `scratch` are buffers of the matrix's row count.
 */
export function addTreeByPartition(tree: Tree, columns: Uint8Array[], raw: Float64Array, rows: Uint32Array, scratch: Uint32Array): void {
	for (let i = 0; i < rows.length; i++) rows[i] = i;
	const stack = [0, 0, rows.length];
	while (stack.length > 0) {
		const end = stack.pop()!;
		const start = stack.pop()!;
		const node = stack.pop()!;
		if (start === end) continue;
		if (tree.left[node] < 0) {
			addToRows(raw, rows, start, end, tree.value[node]);
			continue;
		}
		const middle = partitionRows(rows, columns[tree.feature[node]], tree.bin[node], tree.missingLeft[node], start, end, scratch);
		stack.push(tree.left[node], start, middle, tree.right[node], middle, end);
	}
}

function addToRows(raw: Float64Array, rows: Uint32Array, start: number, end: number, value: number): void {
	for (let k = start; k < end; k++) raw[rows[k]] += value;
}

export function treeDepth(tree: Tree, node = 0): number {
	if (tree.left[node] < 0) return 0;
	return 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]));
}
