import type { Random } from './random';

/**
 * `m` distinct row numbers out of `0…n-1`, in increasing order (selection sampling, Knuth's
 * Algorithm S): increasing order keeps the later column reads sequential.
 */
export function sampleRows(n: number, m: number, random: Random, out = new Uint32Array(m)): Uint32Array {
	let needed = Math.min(m, n);
	let k = 0;
	for (let i = 0; i < n && needed > 0; i++) {
		if (random() * (n - i) < needed) {
			out[k++] = i;
			needed--;
		}
	}
	return out.length === k ? out : out.subarray(0, k);
}

/** Fisher–Yates, in place. */
export function shuffle(values: Uint32Array, random: Random): Uint32Array {
	for (let i = values.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const t = values[i];
		values[i] = values[j];
		values[j] = t;
	}
	return values;
}
