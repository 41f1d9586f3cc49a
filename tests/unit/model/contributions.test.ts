import { describe, expect, it } from 'vitest';
import { contributions, expectedValue } from '../../../src/lib/model/contributions';
import type { FeatureMatrix } from '../../../src/lib/model/feature-matrix';
import { trainGbdt } from '../../../src/lib/model/gbdt';
import { predictGbdtRaw, type GbdtModel } from '../../../src/lib/model/gbdt-model';
import { resolveGbdtParams } from '../../../src/lib/model/gbdt-params';
import type { Tree } from '../../../src/lib/model/tree';
import { labelledRows } from './model-fixtures';

const rowSum = (values: Float64Array, r: number, features: number) => values.subarray(r * features, (r + 1) * features).reduce((a, b) => a + b, 0);

/**
 * A tree's output when only the features in `known` are known: follow x at their splits,
 * average the two children by training cover at the others (the path-dependent expectation).
 */
function conditional(tree: Tree, x: number[], known: Set<number>, node = 0): number {
	if (tree.left[node] < 0) return tree.value[node];
	const f = tree.feature[node];
	const l = tree.left[node];
	const r = tree.right[node];
	if (known.has(f)) {
		const v = x[f];
		const left = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node];
		return conditional(tree, x, known, left ? l : r);
	}
	return (tree.cover[l] * conditional(tree, x, known, l) + tree.cover[r] * conditional(tree, x, known, r)) / tree.cover[node];
}

/** Shapley values by the definition: a weighted sum over every subset of the other features. */
function bruteForceShapley(model: GbdtModel, x: number[]): number[] {
	const m = x.length;
	const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
	const value = (known: Set<number>) => model.trees.reduce((sum, tree) => sum + conditional(tree, x, known), 0);
	return x.map((_, i) => {
		let phi = 0;
		for (let mask = 0; mask < 1 << m; mask++) {
			if (mask & (1 << i)) continue;
			const known = new Set([...Array(m).keys()].filter((f) => mask & (1 << f)));
			const weight = (factorial(known.size) * factorial(m - known.size - 1)) / factorial(m);
			phi += weight * (value(new Set([...known, i])) - value(known));
		}
		return phi;
	});
}

async function smallModel(): Promise<{ model: GbdtModel; matrix: FeatureMatrix }> {
	// Four features, a label depending on three of them with an interaction; small, deep-ish trees
	// that split on the same feature more than once along a path.
	const { matrix, labels } = labelledRows(3_000, 4, 21, (x) => x[0] + x[1] * x[2] > 0.2 || x[0] > 0.8, 0.1);
	matrix.columns[1][3] = Number.NaN;
	const training = await trainGbdt(matrix, labels, resolveGbdtParams({ maxTrees: 3, maxLeaves: 7, minSamplesLeaf: 30, subsample: 1 }), 1);
	return { model: training.model, matrix };
}

describe('contributions', () => {
	it('TreeSHAP equals brute-force Shapley values on a small model', async () => {
		const { model, matrix } = await smallModel();
		const rows = [0, 1, 2, 3, 10];
		const shap = contributions(model, matrix, rows);
		expect(shap.method).toBe('treeshap');
		rows.forEach((row, r) => {
			const x = matrix.columns.map((c) => c[row]);
			const expected = bruteForceShapley(model, x);
			expected.forEach((phi, f) => expect(shap.values[r * 4 + f]).toBeCloseTo(phi, 10));
		});
	});

	it('TreeSHAP values plus the bias sum to the raw score for several rows', async () => {
		const { matrix, labels } = labelledRows(5_000, 5, 22, (x) => x[0] * x[1] > 0 || x[4] > 0.7, 0.1);
		matrix.columns[2][7] = Number.NaN;
		const training = await trainGbdt(matrix, labels, resolveGbdtParams({ maxTrees: 25 }), 1);
		const rows = [0, 7, 100, 2_000, 4_999];
		const raw = predictGbdtRaw(training.model, matrix);
		const shap = contributions(training.model, matrix, rows);
		expect(shap.bias).toBeCloseTo(training.model.baseScore + training.model.trees.reduce((s, t) => s + expectedValue(t), 0), 12);
		rows.forEach((row, r) => expect(shap.bias + rowSum(shap.values, r, 5)).toBeCloseTo(raw[row], 9));
	});

	it('path (Saabas) contributions plus the bias sum to the raw score too', async () => {
		const { model, matrix } = await smallModel();
		const raw = predictGbdtRaw(model, matrix);
		const path = contributions(model, matrix, [0, 3, 9], 'path');
		expect(path.method).toBe('path');
		[0, 3, 9].forEach((row, r) => expect(path.bias + rowSum(path.values, r, 4)).toBeCloseTo(raw[row], 12));
	});

	it('give a feature the trees never split on no contribution', async () => {
		const { model, matrix } = await smallModel();
		const used = new Set(model.trees.flatMap((t) => Array.from(t.feature).filter((f) => f >= 0)));
		const shap = contributions(model, matrix, [0, 1]);
		for (let f = 0; f < 4; f++) if (!used.has(f)) expect([shap.values[f], shap.values[4 + f]]).toEqual([0, 0]);
	});
});
