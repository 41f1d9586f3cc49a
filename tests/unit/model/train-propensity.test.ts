import { describe, expect, it } from 'vitest';
import { trainPropensity, type PropensityRequest } from '../../../src/lib/model/train-propensity';
import { trainRandomSplit } from '../../../src/lib/model/train-random-split';
import { inProcessTrainer } from '../../../src/lib/model/trainer';
import { isTrainingCancelled, TrainingCancelledError } from '../../../src/lib/model/training-cancelled-error';
import type { TrainingProgress } from '../../../src/lib/model/training-progress';
import { labelledRows, quadrants } from './model-fixtures';

function request(overrides: Partial<PropensityRequest> = {}): PropensityRequest {
	const train = labelledRows(4_000, 3, 31, quadrants, 0.1);
	const test = labelledRows(1_000, 3, 32, quadrants, 0.1);
	return { train: train.matrix, trainLabels: train.labels, test: test.matrix, testLabels: test.labels, gbdt: { maxTrees: 20 }, seed: 7, ...overrides };
}

describe('trainPropensity', () => {
	it('returns per model the test scores, metrics, curves, history and a JSON model; progress by phase', async () => {
		const progress: TrainingProgress[] = [];
		const result = await trainPropensity(request(), (p) => progress.push(p));
		for (const algorithm of [result.gbdt, result.logistic]) {
			expect(algorithm.scores).toBeInstanceOf(Float32Array);
			expect(algorithm.scores).toHaveLength(1_000);
			expect(algorithm.deciles).toHaveLength(1_000);
			expect(Object.keys(algorithm.metrics).sort()).toEqual(['auc', 'base_rate', 'lift_at_k', 'log_loss', 'n_test', 'n_train', 'pr_auc', 'precision_at_k', 'recall_at_k'].sort());
			expect(algorithm.metrics).toMatchObject({ n_train: 4_000, n_test: 1_000 });
			expect(algorithm.curves.gains).toHaveLength(100);
			expect(algorithm.curves.calibration).toHaveLength(10);
			expect(algorithm.history.trainLoss).toHaveLength(algorithm.iterations);
		}
		expect(result.gbdt.history.validLoss).toHaveLength(result.gbdt.iterations);
		expect(result.gbdt.model.trees).toHaveLength(result.gbdt.bestIteration);
		expect(result.gbdt.importance).toHaveLength(3);
		expect(result.logistic.coefficients.map((c) => c.feature)).toEqual(['x1', 'x2', 'x3']);
		// Plain data: the models and curves survive JSON unchanged.
		expect(JSON.parse(JSON.stringify(result.gbdt.curves))).toEqual(result.gbdt.curves);
		expect(JSON.parse(JSON.stringify(result.gbdt.model))).toEqual(result.gbdt.model);
		expect(JSON.parse(JSON.stringify(result.logistic.model))).toEqual(result.logistic.model);
		expect(progress[0]).toMatchObject({ phase: 'binning', trees: 0, maxTrees: 20 });
		const trees = progress.filter((p) => p.phase === 'gbdt');
		expect(trees.map((p) => p.trees)).toEqual(Array.from({ length: result.gbdt.iterations }, (_, i) => i + 1));
		expect(trees.every((p) => p.trainLoss !== null && p.validLoss !== null)).toBe(true);
		expect(progress.at(-1)?.phase).toBe('logistic');
	});

	it('refuses mismatched matrices with a sentence', async () => {
		const other = labelledRows(100, 2, 1, quadrants);
		await expect(trainPropensity(request({ test: other.matrix, testLabels: other.labels }))).rejects.toThrow(/different features/);
		await expect(trainPropensity(request({ trainLabels: new Uint8Array(3) }))).rejects.toThrow(/labels are 3 for 4000 rows/);
		await expect(trainPropensity(request({ gbdt: { maxLeaves: 1 } }))).rejects.toThrow(/maxLeaves/);
	});

	it('throws the cancellation error when shouldStop says so between trees', async () => {
		let asked = 0;
		const promise = trainPropensity(request(), undefined, () => ++asked > 3);
		await expect(promise).rejects.toBeInstanceOf(TrainingCancelledError);
		await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
		expect(asked).toBe(4);
	});
});

describe('inProcessTrainer', () => {
	it('yields between trees and rejects with the cancellation error once the signal is aborted', async () => {
		const controller = new AbortController();
		let trees = 0;
		const promise = inProcessTrainer.train(request({ gbdt: { maxTrees: 200, earlyStopping: false } }), (p) => {
			if (p.phase === 'gbdt') trees = p.trees;
		}, controller.signal);
		// A timer fires while the training runs: the trainer gave the event loop a turn.
		await new Promise((resolve) => setTimeout(resolve, 20));
		controller.abort();
		const error = await promise.catch((e: unknown) => e);
		expect(isTrainingCancelled(error)).toBe(true);
		expect(trees).toBeGreaterThan(0);
		expect(trees).toBeLessThan(200);
	});

	it('rejects at once when the signal is already aborted', async () => {
		await expect(inProcessTrainer.train(request(), undefined, AbortSignal.abort())).rejects.toBeInstanceOf(TrainingCancelledError);
	});
});

describe('trainRandomSplit', () => {
	it('trains on a seeded random split of one matrix and scores the held-out rows', async () => {
		const { matrix, labels } = labelledRows(5_000, 3, 33, quadrants, 0.1);
		const a = await trainRandomSplit({ matrix, labels, testFraction: 0.3, gbdt: { maxTrees: 15 }, seed: 3 });
		expect(a.nTest).toBe(1_500);
		expect(a.nTrain).toBe(3_500);
		expect(a.gbdt.scores).toHaveLength(1_500);
		expect(a.gbdt.metrics.auc).toBeGreaterThan(0.8);
		expect([...a.testRows].every((row, i) => i === 0 || row > a.testRows[i - 1])).toBe(true);
		const b = await trainRandomSplit({ matrix, labels, testFraction: 0.3, gbdt: { maxTrees: 15 }, seed: 3 });
		expect(b.testRows).toEqual(a.testRows);
		expect(b.gbdt.model).toEqual(a.gbdt.model);
		const c = await trainRandomSplit({ matrix, labels, testFraction: 0.3, gbdt: { maxTrees: 15 }, seed: 4 });
		expect(c.testRows).not.toEqual(a.testRows);
	});
});
