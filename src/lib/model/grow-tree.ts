import { MISSING_BIN, type BinEdges } from './bin-features';
import { findBestSplit, noSplit, type Split, type SplitRules } from './find-split';
import { buildHistograms, FEATURE_HIST_SIZE, subtractHistograms } from './histogram';
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
	/** Gradient and hessian of rows[k] at 2k and 2k+1. */
	gh: Float32Array;
	count: number;
}

interface Leaf {
	node: number;
	start: number;
	end: number;
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
	#scratchGh = new Float32Array(0);
	/** Leaf ranges of the last tree: node, start, end. */
	leafRanges: number[] = [];

	constructor(edges: BinEdges, rules: GrowRules) {
		this.#edges = edges;
		this.#rules = rules;
		this.#valueBins = Int32Array.from(edges, (e) => e.length + 1);
		this.#histSize = edges.length * FEATURE_HIST_SIZE;
	}

	grow(input: GrowInput): Tree {
		const rules = this.#rules;
		const { columns, features, rows, gh, count } = input;
		if (this.#scratchRows.length < count) {
			this.#scratchRows = new Uint32Array(count);
			this.#scratchGh = new Float32Array(2 * count);
		}
		const nodes = new NodeList();
		let g = 0;
		let h = 0;
		for (let k = 0; k < count; k++) {
			g += gh[2 * k];
			h += gh[2 * k + 1];
		}
		const root: Leaf = { node: nodes.add(this.#value(g, h), count), start: 0, end: count, depth: 0, g, h, hist: null, split: noSplit() };
		const open: Leaf[] = [root];
		let leaves = 1;
		if (this.#splittable(root)) {
			root.hist = this.#take();
			buildHistograms(root.hist, columns, features, rows, gh, 0, count);
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
			const nLeft = this.#partition(input, parent, split);
			const gRight = parent.g - split.gLeft;
			const hRight = parent.h - split.hLeft;
			const left: Leaf = {
				node: nodes.add(this.#value(split.gLeft, split.hLeft), nLeft),
				start: parent.start,
				end: parent.start + nLeft,
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
				buildHistograms(small.hist, columns, features, rows, gh, small.start, small.end);
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
			this.leafRanges.push(leaf.node, leaf.start, leaf.end);
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

	/** Stable partition of the leaf's range (rows and gradients) by the split; returns the left count. */
	#partition(input: GrowInput, leaf: Leaf, split: Split): number {
		const { rows, gh } = input;
		const column = input.columns[split.feature];
		const bin = split.bin;
		const missingLeft = split.missingLeft;
		const scratchRows = this.#scratchRows;
		const scratchGh = this.#scratchGh;
		let w = leaf.start;
		let s = 0;
		for (let k = leaf.start; k < leaf.end; k++) {
			const r = rows[k];
			const b = column[r];
			if (b === MISSING_BIN ? missingLeft : b <= bin) {
				rows[w] = r;
				gh[2 * w] = gh[2 * k];
				gh[2 * w + 1] = gh[2 * k + 1];
				w++;
			} else {
				scratchRows[s] = r;
				scratchGh[2 * s] = gh[2 * k];
				scratchGh[2 * s + 1] = gh[2 * k + 1];
				s++;
			}
		}
		rows.set(scratchRows.subarray(0, s), w);
		gh.set(scratchGh.subarray(0, 2 * s), 2 * w);
		return w - leaf.start;
	}

	#take(): Float64Array {
		return this.#pool.pop() ?? new Float64Array(this.#histSize);
	}

	#give(leaf: Leaf): void {
		if (leaf.hist !== null) this.#pool.push(leaf.hist);
		leaf.hist = null;
	}
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
