import type { AlgorithmResult } from './algorithm-result';

/** The distinct buffers of a result's typed arrays: what a worker transfers instead of copying. */
export function resultBuffers(...results: (AlgorithmResult | Uint32Array)[]): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	for (const result of results) {
		if (result instanceof Uint32Array) buffers.add(result.buffer as ArrayBuffer);
		else for (const array of [result.scores, result.deciles]) buffers.add(array.buffer as ArrayBuffer);
	}
	return [...buffers];
}
