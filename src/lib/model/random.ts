/** A uniform draw in [0, 1). */
export type Random = () => number;

/** mulberry32: small, fast, and the same sequence in every engine for the same seed. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
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
