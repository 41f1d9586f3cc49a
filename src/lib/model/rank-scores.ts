/** Scores sorted from highest to lowest, with rows of equal score grouped. */
export interface Ranking {
	/** Row numbers by decreasing score; equal scores keep row order. */
	order: Uint32Array;
	/** Where each group of equal scores starts in `order`, then `n` (groups + 1 entries). */
	groupStarts: Uint32Array;
	/** Positive labels per group. */
	groupPositives: Uint32Array;
	n: number;
	positives: number;
}

/**
 * Ranks scores (a radix sort of their float32 bits: linear in the rows, which a comparison sort
 * of a million scores is far from). NaN scores rank last.
 */
export function rankScores(scores: Float32Array, labels: Uint8Array): Ranking {
	const n = scores.length;
	if (labels.length !== n) throw new Error(`${n} scores for ${labels.length} labels.`);
	const keys = descendingKeys(scores);
	const order = radixSort(keys);
	const starts: number[] = [];
	const groupPositives: number[] = [];
	let positives = 0;
	for (let k = 0; k < n; k++) {
		const row = order[k];
		if (k === 0 || keys[row] !== keys[order[k - 1]]) {
			starts.push(k);
			groupPositives.push(0);
		}
		groupPositives[groupPositives.length - 1] += labels[row];
		positives += labels[row];
	}
	starts.push(n);
	return { order, groupStarts: Uint32Array.from(starts), groupPositives: Uint32Array.from(groupPositives), n, positives };
}

/** Unsigned keys whose increasing order is the scores' decreasing order. */
function descendingKeys(scores: Float32Array): Uint32Array {
	const bits = new Uint32Array(Float32Array.from(scores, (x) => (x === x ? x + 0 : -Infinity)).buffer);
	const keys = new Uint32Array(scores.length);
	for (let i = 0; i < bits.length; i++) {
		const b = bits[i];
		// Negative floats: all bits flipped; positive: sign bit set. Then reversed for descending.
		const ascending = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
		keys[i] = ~ascending >>> 0;
	}
	return keys;
}

/** Row numbers sorted by key, stable (LSD radix sort, three passes of 11 bits). */
function radixSort(keys: Uint32Array): Uint32Array {
	const n = keys.length;
	let from = Uint32Array.from({ length: n }, (_, i) => i);
	let to = new Uint32Array(n);
	const counts = new Uint32Array(2048);
	for (let shift = 0; shift < 32; shift += 11) {
		counts.fill(0);
		for (let i = 0; i < n; i++) counts[(keys[from[i]] >>> shift) & 2047]++;
		let sum = 0;
		for (let d = 0; d < 2048; d++) {
			const c = counts[d];
			counts[d] = sum;
			sum += c;
		}
		for (let i = 0; i < n; i++) {
			const row = from[i];
			to[counts[(keys[row] >>> shift) & 2047]++] = row;
		}
		[from, to] = [to, from];
	}
	return from;
}
