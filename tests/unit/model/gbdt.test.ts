import { describe, expect, it } from 'vitest';
import { selectRows } from '../../../src/lib/model/feature-matrix';
import { trainGbdt } from '../../../src/lib/model/gbdt';
import { predictGbdtProbability, predictGbdtRaw } from '../../../src/lib/model/gbdt-model';
import { resolveGbdtParams } from '../../../src/lib/model/gbdt-params';
import { gbdtModelFromJson, gbdtModelToJson } from '../../../src/lib/model/model-json';
import { trainPropensity } from '../../../src/lib/model/train-propensity';
import { labelledRows, quadrants } from './model-fixtures';

describe('gradient-boosted trees', () => {
	it('recover x1·x2 > 0 (10 % label noise) and beat logistic regression by a clear AUC margin', async () => {
		const train = labelledRows(20_000, 4, 1, quadrants, 0.1);
		const test = labelledRows(5_000, 4, 2, quadrants, 0.1);
		const result = await trainPropensity({
			train: train.matrix,
			trainLabels: train.labels,
			test: test.matrix,
			testLabels: test.labels,
			gbdt: { maxTrees: 60 },
			seed: 1
		});
		// The best possible AUC with 10 % of the labels flipped is about 0.9.
		expect(result.gbdt.metrics.auc).toBeGreaterThan(0.85);
		expect(result.logistic.metrics.auc).toBeLessThan(0.6);
		expect(result.gbdt.metrics.auc! - result.logistic.metrics.auc!).toBeGreaterThan(0.25);
		expect(result.gbdt.importance.slice(0, 2).map((i) => i.feature).sort()).toEqual(['x1', 'x2']);
	});

	it('give identical trees for the same seed (deep equal of the model JSON)', async () => {
		const { matrix, labels } = labelledRows(5_000, 5, 3, quadrants, 0.2);
		const params = resolveGbdtParams({ maxTrees: 15, subsample: 0.6, featureFraction: 0.8 });
		const a = await trainGbdt(matrix, labels, params, 42);
		const b = await trainGbdt(matrix, labels, params, 42);
		expect(gbdtModelToJson(a.model)).toEqual(gbdtModelToJson(b.model));
	});

	it('give different trees for different seeds when subsampling', async () => {
		const { matrix, labels } = labelledRows(5_000, 5, 3, quadrants, 0.2);
		const params = resolveGbdtParams({ maxTrees: 10, subsample: 0.6, earlyStopping: false });
		const a = await trainGbdt(matrix, labels, params, 1);
		const b = await trainGbdt(matrix, labels, params, 2);
		expect(gbdtModelToJson(a.model).trees).not.toEqual(gbdtModelToJson(b.model).trees);
	});

	it('stop early on noise, before maxTrees, and keep the trees up to the lowest validation loss', async () => {
		const { matrix, labels } = labelledRows(4_000, 3, 5, () => false, 0.3);
		const params = resolveGbdtParams({ maxTrees: 200, patience: 5, learningRate: 0.3 });
		const training = await trainGbdt(matrix, labels, params, 1);
		expect(training.iterations).toBeLessThan(200);
		const losses = training.validLoss!;
		expect(losses).toHaveLength(training.iterations);
		// Stopped `patience` trees after the best one; the model holds exactly the best count.
		expect(training.iterations - training.bestIteration).toBe(5);
		expect(training.model.trees).toHaveLength(training.bestIteration);
		if (training.bestIteration > 0) expect(Math.min(...losses)).toBe(losses[training.bestIteration - 1]);
	});

	it('send missing values to the side that gains more, and predict rows with missing values', async () => {
		// x1 missing on a third of the rows, whose label is mostly 1; otherwise label = x1 > 0.5.
		const base = labelledRows(9_000, 2, 7, (x) => x[0] > 0.5, 0.05);
		const x1 = base.matrix.columns[0];
		for (let i = 0; i < base.matrix.rows; i += 3) {
			x1[i] = Number.NaN;
			base.labels[i] = i % 30 === 0 ? 0 : 1;
		}
		const training = await trainGbdt(base.matrix, base.labels, resolveGbdtParams({ maxTrees: 30, subsample: 1 }), 1);
		const root = training.model.trees[0];
		expect(root.feature[0]).toBe(0);
		const probability = predictGbdtProbability(training.model, {
			names: ['x1', 'x2'],
			columns: [Float32Array.from([Number.NaN, -0.9, 0.9]), Float32Array.from([0, 0, 0])],
			rows: 3
		});
		// Missing x1 → about 0.9 (9 in 10 such rows are positive); x1 = −0.9 → low; 0.9 → high.
		expect(probability[0]).toBeGreaterThan(0.75);
		expect(probability[1]).toBeLessThan(0.15);
		expect(probability[2]).toBeGreaterThan(0.75);
		// The root's missing side is the high-rate side (x1 > threshold): right, not left.
		expect(root.missingLeft[0]).toBe(0);
	});

	it('route missing values never seen in training to the larger child, without NaN scores', async () => {
		const { matrix, labels } = labelledRows(3_000, 2, 8, quadrants, 0.1);
		const training = await trainGbdt(matrix, labels, resolveGbdtParams({ maxTrees: 5 }), 1);
		const raw = predictGbdtRaw(training.model, { names: ['x1', 'x2'], columns: [Float32Array.from([Number.NaN]), Float32Array.from([Number.NaN])], rows: 1 });
		expect(Number.isFinite(raw[0])).toBe(true);
		const tree = training.model.trees[0];
		for (let node = 0; node < tree.feature.length; node++) {
			if (tree.left[node] < 0) continue;
			const larger = tree.cover[tree.left[node]] >= tree.cover[tree.right[node]] ? 1 : 0;
			expect(tree.missingLeft[node]).toBe(larger);
		}
	});

	it('round-trip through model JSON with identical predictions', async () => {
		const { matrix, labels } = labelledRows(4_000, 3, 9, quadrants, 0.1);
		matrix.columns[2][5] = Number.NaN;
		const training = await trainGbdt(matrix, labels, resolveGbdtParams({ maxTrees: 20 }), 1);
		const text = JSON.stringify(gbdtModelToJson(training.model));
		const parsed = gbdtModelFromJson(text);
		expect(predictGbdtRaw(parsed, matrix)).toEqual(predictGbdtRaw(training.model, matrix));
		expect(gbdtModelToJson(parsed)).toEqual(JSON.parse(text));
		expect(() => gbdtModelFromJson('{"format":"other"}')).toThrow(/Not a propensity model/);
	});

	it('predict the same row by row (by thresholds) as many rows at once (by bins)', async () => {
		const { matrix, labels } = labelledRows(6_000, 3, 11, quadrants, 0.1);
		for (let i = 0; i < matrix.rows; i += 7) matrix.columns[i % 3][i] = Number.NaN;
		const training = await trainGbdt(matrix, labels, resolveGbdtParams({ maxTrees: 20 }), 1);
		const all = predictGbdtRaw(training.model, matrix);
		const few = predictGbdtRaw(training.model, selectRows(matrix, Uint32Array.from({ length: 500 }, (_, k) => k * 12)));
		few.forEach((raw, k) => expect(raw).toBe(all[k * 12]));
	});

	it('respect maxLeaves, maxDepth and minSamplesLeaf', async () => {
		const { matrix, labels } = labelledRows(4_000, 3, 10, quadrants, 0.1);
		const training = await trainGbdt(matrix, labels, resolveGbdtParams({ maxTrees: 5, maxLeaves: 8, maxDepth: 2, minSamplesLeaf: 50 }), 1);
		for (const tree of training.model.trees) {
			const leaves = [...tree.left.keys()].filter((node) => tree.left[node] < 0);
			expect(leaves.length).toBeLessThanOrEqual(4);
			for (const leaf of leaves) expect(tree.cover[leaf]).toBeGreaterThanOrEqual(50);
		}
	});
});
