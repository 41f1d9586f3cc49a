import type { Random } from './random';

/**
 * `m` distinct row numbers out of `0…n-1`, in increasing order (selection sampling, Knuth's
 * Algorithm S): increasing order keeps the later column reads sequential.
 */
export function sampleRows(n: number, m: number, random: Random): Uint32Array {
	const out = new Uint32Array(Math.min(m, n));
	let needed = out.length;
	let k = 0;
	for (let i = 0; i < n && needed > 0; i++) {
		if (random() * (n - i) < needed) {
			out[k++] = i;
			needed--;
		}
	}
	return out;
}

const BLOCK = 4096;

/**
 * Splits 0…n-1 into a random sample and the other rows, both in increasing order, once per tree,
 * with buffers kept between draws. Each row is in the sample with probability `fraction`,
 * independently of the others (XGBoost's subsample): the size varies by about √(n·p·(1−p))
 * rows, and drawing it costs a fraction of an exact-size draw, whose every step waits on the
 * previous one's count.
 */
export class RowSampler {
	#n: number;
	#threshold: number;
	/** The sample at 0…size-1 (one spare element: every row is written to both lists, and one advances). */
	readonly inBag: Uint32Array;
	/** The other rows at 0…n-size-1. */
	readonly outOfBag: Uint32Array;
	#draws = new Uint32Array(BLOCK / 2);

	constructor(n: number, fraction: number) {
		this.#n = n;
		// Compared with 16 random bits: the probability is rounded to a multiple of 2^-16.
		this.#threshold = Math.max(1, Math.round(fraction * 65536));
		this.inBag = new Uint32Array(n + 1);
		this.outOfBag = new Uint32Array(n + 1);
	}

	/** Draws a sample (never empty) into `inBag` and the rest into `outOfBag`; returns its size. */
	draw(random: Random): number {
		const n = this.#n;
		let k = 0;
		for (let from = 0; from < n; from += BLOCK) {
			random.fillUint32(this.#draws);
			k += selectBlock(this.#draws, from, Math.min(n, from + BLOCK), this.#threshold, this.inBag, k, this.outOfBag, from - k);
		}
		if (k > 0) return k;
		for (let i = 0; i < n; i++) this.inBag[i] = i;
		return n;
	}
}

/** Each 32-bit draw serves two rows, 16 bits each; no branch (whether a row is taken is a coin flip). */
function selectBlock(draws: Uint32Array, from: number, to: number, threshold: number, inBag: Uint32Array, k: number, outOfBag: Uint32Array, j: number): number {
	const start = k;
	for (let i = from; i < to; i++) {
		const offset = i - from;
		const u = (draws[offset >>> 1] >>> ((offset & 1) << 4)) & 0xffff;
		const take = (u - threshold) >>> 31;
		inBag[k] = i;
		outOfBag[j] = i;
		k += take;
		j += take ^ 1;
	}
	return k - start;
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
