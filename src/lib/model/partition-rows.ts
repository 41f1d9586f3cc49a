import { MISSING_BIN } from './bin-features';

// Run through vite-node, an imported binding read in a loop is a getter call per read.
const MISSING = MISSING_BIN;

/**
 * Stable partition of rows[start…end-1] by a split: rows whose bin is ≤ `bin` (or missing, when
 * missingLeft is 1) first. Returns where the others start. Every row is written to both sides
 * and one side advances: whether a row goes left is as unpredictable as the data, and a
 * mispredicted branch per row cost twice the rest of the loop.
 */
export function partitionRows(rows: Uint32Array, column: Uint8Array, bin: number, missingLeft: number, start: number, end: number, scratch: Uint32Array): number {
	let w = start;
	let s = 0;
	for (let k = start; k < end; k++) {
		const r = rows[k];
		const b = column[r];
		const left = (((bin - b) >>> 31) ^ 1) | (((MISSING - 1 - b) >>> 31) & missingLeft);
		rows[w] = r;
		scratch[s] = r;
		w += left;
		s += left ^ 1;
	}
	for (let k = 0; k < s; k++) rows[w + k] = scratch[k];
	return w;
}
