import type { Random } from './random';
import { shuffle } from './sample-rows';

/**
 * A seeded split of row numbers into kept and held-out rows, stratified by label (each label's
 * rows held out in the same proportion, rounded), both lists in increasing order.
 */
export function splitValidation(labels: Uint8Array, fraction: number, random: Random): { fit: Uint32Array; valid: Uint32Array } {
	const byLabel = [0, 1].map((label) => {
		const rows: number[] = [];
		for (let i = 0; i < labels.length; i++) if (labels[i] === label) rows.push(i);
		return shuffle(Uint32Array.from(rows), random);
	});
	const valid: number[] = [];
	const fit: number[] = [];
	for (const rows of byLabel) {
		const held = Math.round(rows.length * fraction);
		for (let k = 0; k < rows.length; k++) (k < held ? valid : fit).push(rows[k]);
	}
	return { fit: Uint32Array.from(fit).sort(), valid: Uint32Array.from(valid).sort() };
}
