import type { Random } from './random';

/**
 * A seeded split of row numbers into kept and held-out rows, stratified by label: of each
 * label's c rows, round(c · fraction) are held out, each subset equally likely (selection
 * sampling per label, in one pass). Both lists are in increasing order.
 */
export function splitValidation(labels: Uint8Array, fraction: number, random: Random): { fit: Uint32Array; valid: Uint32Array } {
	const n = labels.length;
	const remaining = [0, 0];
	for (let i = 0; i < n; i++) remaining[labels[i]]++;
	const needed = remaining.map((count) => Math.round(count * fraction));
	const valid = new Uint32Array(needed[0] + needed[1]);
	const fit = new Uint32Array(n - valid.length);
	let v = 0;
	let k = 0;
	for (let i = 0; i < n; i++) {
		const label = labels[i];
		if (random() * remaining[label] < needed[label]) {
			valid[v++] = i;
			needed[label]--;
		} else {
			fit[k++] = i;
		}
		remaining[label]--;
	}
	return { fit, valid };
}
