import type { AlgorithmResult } from './algorithm-result';
import { evaluateScores } from './evaluate-scores';
import { featureImportance, type FeatureImportance } from './feature-importance';
import type { FeatureMatrix } from './feature-matrix';
import { trainGbdt } from './gbdt';
import { predictGbdtProbability } from './gbdt-model';
import type { GbdtParams } from './gbdt-params';
import { gbdtModelToJson, type GbdtModelJson } from './model-json';
import type { ProgressCallback, StopCheck } from './training-progress';

export interface GbdtResult extends AlgorithmResult {
	model: GbdtModelJson;
	/** Total-gain importance, largest first. */
	importance: FeatureImportance[];
	/** Rows the trees were grown from, and held out for early stopping. */
	fitRows: number;
	validRows: number;
}

/** Trains the booster on one matrix and evaluates it on another. */
export async function trainAndEvaluateGbdt(
	train: FeatureMatrix,
	trainLabels: Uint8Array,
	test: FeatureMatrix,
	testLabels: Uint8Array,
	params: GbdtParams,
	seed: number,
	k: number,
	onProgress?: ProgressCallback,
	shouldStop?: StopCheck
): Promise<GbdtResult> {
	const started = performance.now();
	const training = await trainGbdt(train, trainLabels, params, seed, onProgress, shouldStop);
	const seconds = (performance.now() - started) / 1000;
	const scores = predictGbdtProbability(training.model, test);
	const evaluation = evaluateScores(scores, testLabels, k, train.rows);
	return {
		scores,
		deciles: evaluation.deciles,
		metrics: evaluation.metrics,
		curves: evaluation.curves,
		iterations: training.iterations,
		bestIteration: training.bestIteration,
		history: { trainLoss: training.trainLoss, validLoss: training.validLoss },
		seconds,
		model: gbdtModelToJson(training.model),
		importance: featureImportance(training.model),
		fitRows: training.fitRows,
		validRows: training.validRows
	};
}
