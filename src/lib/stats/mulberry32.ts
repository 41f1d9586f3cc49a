import { checkInteger } from './validate';

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Seeded uniform generator: Tommy Ettinger's mulberry32 (32-bit state, period 2³²). Fast and good
 * enough for Monte Carlo in a browser; not for cryptography. Same seed, same sequence.
 */
export function mulberry32(seed: number): Random {
	checkInteger('seed', seed, 0, 0xffffffff);
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
