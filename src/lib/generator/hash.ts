// Portable randomness: every random number is a hash of integers (an entity key, the seed and a
// stream number), written in SQL arithmetic that stays inside BIGINT, so native DuckDB 1.5 and
// DuckDB-WASM 1.4 produce the same bits. DuckDB's own random()/hash() differ across versions.

const U32 = 4294967296;

/** Thomas Mueller's 32-bit integer mixer; `x` is in [0, 2^32), products stay below 2^59. */
export const HASH_MACROS = [
	`CREATE OR REPLACE TEMP MACRO gen_mix(x) AS (xor(((x)::BIGINT) >> 16, (x)::BIGINT) * 73244475) % 4294967296`,
	`CREATE OR REPLACE TEMP MACRO gen_h(x) AS xor(gen_mix(gen_mix(x)) >> 16, gen_mix(gen_mix(x)))`
];

/** The same mixer in JS (for the seed constant and for tests that pin the SQL to it). */
export function mix32(x: number): number {
	const step = (v: number) => Number((BigInt(((v >>> 16) ^ v) >>> 0) * 73244475n) % 4294967296n);
	const y = step(step(x >>> 0));
	return ((y >>> 16) ^ y) >>> 0;
}

/** Stream offsets: odd multiples of the golden-ratio constant, reduced mod 2^32. */
function streamOffset(stream: number): number {
	return Number((BigInt(stream) * 2654435769n) % BigInt(U32));
}

/** SQL for a 32-bit hash (BIGINT in [0, 2^32)) of `key` (a BIGINT expression < 2^62) and `stream`. */
export function h(key: string, stream: number): string {
	return `gen_h(((${key}) + ${streamOffset(stream)}) % 4294967296)`;
}

/** SQL for a uniform DOUBLE in [0, 1) drawn from `key` and `stream`. */
export function u(key: string, stream: number): string {
	return `(${h(key, stream)} * 2.3283064365386963e-10)`;
}

/** SQL for an approximately standard normal DOUBLE (Irwin–Hall sum of four uniforms). */
export function normal(key: string, stream: number): string {
	const parts = [0, 1, 2, 3].map((i) => u(key, stream + i)).join(' + ');
	return `((${parts} - 2.0) * 1.7320508075688772)`;
}

/** SQL for a standard logistic DOUBLE (used as decision noise). */
export function logistic(key: string, stream: number): string {
	const v = `(${u(key, stream)} * 0.999999 + 0.0000005)`;
	return `ln(${v} / (1.0 - ${v}))`;
}

/** The seed is folded into one 32-bit constant that every entity hash starts from. */
export function seedConstant(seed: number): number {
	if (!Number.isInteger(seed) || seed < 0 || seed >= U32) {
		throw new Error(`invalid seed: ${seed} (an integer in [0, 2^32))`);
	}
	return mix32(mix32(seed) ^ 0x5bd1e995);
}
