import type { FeatureMatrix } from '../../../src/lib/model/feature-matrix';
import { createRandom } from '../../../src/lib/model/random';

export interface Labelled {
	matrix: FeatureMatrix;
	labels: Uint8Array;
}

/**
 * Seeded rows of `features` uniform values in [−1, 1) labelled by `label(x)` (x = the row's
 * values); a share `noise` of the labels is flipped.
 */
export function labelledRows(rows: number, features: number, seed: number, label: (x: number[]) => boolean, noise = 0): Labelled {
	const random = createRandom(seed);
	const columns = Array.from({ length: features }, () => new Float32Array(rows));
	const labels = new Uint8Array(rows);
	const x = new Array<number>(features);
	for (let i = 0; i < rows; i++) {
		for (let f = 0; f < features; f++) {
			x[f] = Math.fround(random() * 2 - 1);
			columns[f][i] = x[f];
		}
		labels[i] = label(x) !== random() < noise ? 1 : 0;
	}
	return { matrix: { names: columns.map((_, f) => `x${f + 1}`), columns, rows }, labels };
}

/** label = 1 when x1·x2 > 0: a checkerboard no straight line separates. */
export const quadrants = (x: number[]) => x[0] * x[1] > 0;
