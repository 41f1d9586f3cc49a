import type { BinEdges } from './bin-features';
import { findBestSplit, noSplit, type Split, type SplitRules } from './find-split';
import { buildHistograms, FEATURE_HIST_SIZE, subtractHistograms } from './histogram';
import { partitionRows } from './partition-rows';
import type { Tree } from './tree';

export interface GrowRules extends SplitRules {
	maxLeaves: number;
	maxDepth: number | null;
	learningRate: number;
}

/** The rows a tree is grown on: positions 0…count-1 of `rows`, with their gradients in `gh`. */
export interface GrowInput {
	columns: Uint8Array[];
	features: Int32Array;
	rows: Uint32Array;
	/** Gradient and hessian of row r at 2r and 2r+1 (read for the rows grown on only). */
	gh: Float32Array;
	count: number;
	/**
	 * Rows that follow the splits without shaping them (rows left out of the subsample, the
	 * validation rows), each set with its own binned columns: partitioning them alongside finds
	 * their leaves with sequential reads, much faster than walking the tree row by row.
	 */
	passengers: Passengers[];
}

export interface Passengers {
	columns: Uint8Array[];
	rows: Uint32Array;
	count: number;
}

/** Where a leaf's rows ended up: positions start…end-1 of the rows, and of each passenger set. */
export interface LeafRange {
	node: number;
	start: number;
	end: number;
	passengerStarts: number[];
	passengerEnds: number[];
}

interface Leaf extends LeafRange {
	depth: number;
	g: number;
	h: number;
	hist: Float64Array | null;
	split: Split;
}

/**
 * Grows trees leaf-wise (best first), like LightGBM: the leaf whose best split reduces the loss
 * most is split next, until maxLeaves. A leaf's rows are a range of `rows`, partitioned in place
 * (stably, so column reads stay in increasing row order); the smaller child's histograms are
 * built and the larger's are the parent's minus those. Buffers are kept from tree to tree.
 */
export class TreeGrower {
	#rules: GrowRules;
	#edges: BinEdges;
	#valueBins: Int32Array;
	#histSize: number;
	#pool: Float64Array[] = [];
	#scratchRows = new Uint32Array(0);
	#ordered = new Float32Array(0);
	/** Where the rows of the last tree's leaves are. */
	leafRanges: LeafRange[] = [];

	constructor(edges: BinEdges, rules: GrowRules) {
		this.#edges = edges;
		this.#rules = rules;
		this.#valueBins = Int32Array.from(edges, (e) => e.length + 1);
		this.#histSize = edges.length * FEATURE_HIST_SIZE;
	}

	grow(input: GrowInput): Tree {
		const rules = this.#rules;
		const { columns, features, rows, gh, count, passengers } = input;
		const most = Math.max(count, ...passengers.map((p) => p.count));
		if (this.#scratchRows.length < most) this.#scratchRows = new Uint32Array(most);
		if (this.#ordered.length < 2 * count) this.#ordered = new Float32Array(2 * count);
		const nodes = new NodeList();
		const [g, h] = sumGradients(rows, count, gh);
		const root: Leaf = {
			node: nodes.add(this.#value(g, h), count),
			start: 0,
			end: count,
			passengerStarts: passengers.map(() => 0),
			passengerEnds: passengers.map((p) => p.count),
			depth: 0,
			g,
			h,
			hist: null,
			split: noSplit()
		};
		const open: Leaf[] = [root];
		let leaves = 1;
		if (this.#splittable(root)) {
			root.hist = this.#take();
			buildHistograms(root.hist, columns, features, rows, gh, 0, count, this.#ordered);
			findBestSplit(root.hist, features, this.#valueBins, g, h, count, rules, root.split);
		}
		while (leaves < rules.maxLeaves) {
			let pick = -1;
			for (let i = 0; i < open.length; i++) {
				if (open[i].split.gain > 0 && (pick < 0 || open[i].split.gain > open[pick].split.gain)) pick = i;
			}
			if (pick < 0) break;
			const parent = open[pick];
			open.splice(pick, 1);
			const split = parent.split;
			const missingLeft = split.missingLeft ? 1 : 0;
			const nLeft = partitionRows(rows, columns[split.feature], split.bin, missingLeft, parent.start, parent.end, this.#scratchRows) - parent.start;
			const passengerMiddles = passengers.map((p, j) =>
				partitionRows(p.rows, p.columns[split.feature], split.bin, missingLeft, parent.passengerStarts[j], parent.passengerEnds[j], this.#scratchRows)
			);
			const gRight = parent.g - split.gLeft;
			const hRight = parent.h - split.hLeft;
			const left: Leaf = {
				node: nodes.add(this.#value(split.gLeft, split.hLeft), nLeft),
				start: parent.start,
				end: parent.start + nLeft,
				passengerStarts: parent.passengerStarts,
				passengerEnds: passengerMiddles,
				depth: parent.depth + 1,
				g: split.gLeft,
				h: split.hLeft,
				hist: null,
				split: noSplit()
			};
			const right: Leaf = {
				node: nodes.add(this.#value(gRight, hRight), parent.end - parent.start - nLeft),
				start: parent.start + nLeft,
				end: parent.end,
				passengerStarts: passengerMiddles,
				passengerEnds: parent.passengerEnds,
				depth: parent.depth + 1,
				g: gRight,
				h: hRight,
				hist: null,
				split: noSplit()
			};
			const threshold = split.bin < this.#edges[split.feature].length ? this.#edges[split.feature][split.bin] : Infinity;
			nodes.setSplit(parent.node, split, threshold, left.node, right.node);
			leaves++;

			const more = leaves < rules.maxLeaves;
			const splitLeft = more && this.#splittable(left);
			const splitRight = more && this.#splittable(right);
			if (splitLeft || splitRight) {
				const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
				small.hist = this.#take();
				buildHistograms(small.hist, columns, features, rows, gh, small.start, small.end, this.#ordered);
				subtractHistograms(parent.hist!, small.hist, features);
				large.hist = parent.hist;
				parent.hist = null;
				for (const child of [left, right]) {
					if (child === left ? splitLeft : splitRight) {
						findBestSplit(child.hist!, features, this.#valueBins, child.g, child.h, child.end - child.start, rules, child.split);
					}
					if (child.split.gain <= 0) this.#give(child);
				}
			} else {
				this.#give(parent);
			}
			open.push(left, right);
		}
		this.leafRanges = [];
		for (const leaf of open) {
			this.#give(leaf);
			const { node, start, end, passengerStarts, passengerEnds } = leaf;
			this.leafRanges.push({ node, start, end, passengerStarts, passengerEnds });
		}
		return nodes.finish();
	}

	#value(g: number, h: number): number {
		return (-this.#rules.learningRate * g) / (h + this.#rules.lambda);
	}

	#splittable(leaf: Leaf): boolean {
		const { maxDepth, minSamplesLeaf, minHessian } = this.#rules;
		return (maxDepth === null || leaf.depth < maxDepth) && leaf.end - leaf.start >= 2 * minSamplesLeaf && leaf.h >= 2 * minHessian;
	}

	#take(): Float64Array {
		return this.#pool.pop() ?? new Float64Array(this.#histSize);
	}

	#give(leaf: Leaf): void {
		if (leaf.hist !== null) this.#pool.push(leaf.hist);
		leaf.hist = null;
	}
}

function sumGradients(rows: Uint32Array, count: number, gh: Float32Array): [number, number] {
	let g = 0;
	let h = 0;
	for (let k = 0; k < count; k++) {
		g += gh[2 * rows[k]];
		h += gh[2 * rows[k] + 1];
	}
	return [g, h];
}

class NodeList {
	feature: number[] = [];
	bin: number[] = [];
	threshold: number[] = [];
	missingLeft: number[] = [];
	left: number[] = [];
	right: number[] = [];
	value: number[] = [];
	cover: number[] = [];
	gain: number[] = [];

	add(value: number, cover: number): number {
		this.feature.push(-1);
		this.bin.push(0);
		this.threshold.push(0);
		this.missingLeft.push(0);
		this.left.push(-1);
		this.right.push(-1);
		this.value.push(value);
		this.cover.push(cover);
		this.gain.push(0);
		return this.value.length - 1;
	}

	setSplit(node: number, split: Split, threshold: number, left: number, right: number): void {
		this.feature[node] = split.feature;
		this.bin[node] = split.bin;
		this.threshold[node] = threshold;
		this.missingLeft[node] = split.missingLeft ? 1 : 0;
		this.left[node] = left;
		this.right[node] = right;
		this.gain[node] = split.gain;
	}

	finish(): Tree {
		return {
			feature: Int32Array.from(this.feature),
			bin: Uint8Array.from(this.bin),
			threshold: Float64Array.from(this.threshold),
			missingLeft: Uint8Array.from(this.missingLeft),
			left: Int32Array.from(this.left),
			right: Int32Array.from(this.right),
			value: Float64Array.from(this.value),
			cover: Float64Array.from(this.cover),
			gain: Float64Array.from(this.gain)
		};
	}
}
