/** Uniform draws: floats in [0, 1) one per call, or 32-bit integers a whole array at a time. */
export interface Random {
	(): number;
	fillUint32(out: Uint32Array): Uint32Array;
}

/** mulberry32: small, fast, and the same sequence in every engine for the same seed. */
export function createRandom(seed: number): Random {
	let state = seed | 0;
	const next = () => {
		state = (state + 0x6d2b79f5) | 0;
		return mix(state) * 2.3283064365386963e-10;
	};
	// The state lives in a local while filling: stored back in the closure on every draw, an int32
	// outside the small-integer range is boxed, and the allocations dominate the cost.
	next.fillUint32 = (out: Uint32Array) => {
		let s = state;
		for (let i = 0; i < out.length; i++) {
			s = (s + 0x6d2b79f5) | 0;
			out[i] = mix(s);
		}
		state = s;
		return out;
	};
	return next;
}

function mix(a: number): number {
	let t = Math.imul(a ^ (a >>> 15), 1 | a);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return (t ^ (t >>> 14)) >>> 0;
}

/**
 * An independent seed for one use of the run's seed (the split, the bin sample, the trees…), so
 * that changing how many draws one use makes leaves the others' sequences unchanged.
 */
export function deriveSeed(seed: number, stream: number): number {
	let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca77)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	return (h ^ (h >>> 16)) >>> 0;
}
