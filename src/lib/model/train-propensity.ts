import type { AlgorithmResult } from './algorithm-result';
import { evaluateScores } from './evaluate-scores';
import { checkFeatureMatrix, checkSameFeatures, type FeatureMatrix } from './feature-matrix';
import { sigmoid } from './gbdt-model';
import { resolveGbdtParams, type GbdtParams } from './gbdt-params';
import { trainAndEvaluateGbdt, type GbdtResult } from './gbdt-result';
import { fitLogistic, predictLogisticRaw, type LogisticModel, type LogisticParams } from './logistic-regression';
import { topRows } from './top-k';
import type { ProgressCallback, StopCheck } from './training-progress';

export interface PropensityRequest {
	/** Features of the training users (e.g. the earlier period); NaN = missing. */
	train: FeatureMatrix;
	/** 1 = purchased in the label window. */
	trainLabels: Uint8Array;
	/** Features of the test users (e.g. the later period), the same features in the same order. */
	test: FeatureMatrix;
	testLabels: Uint8Array;
	/** GBDT settings; each missing field takes its default (GBDT_DEFAULTS). */
	gbdt?: Partial<GbdtParams>;
	/** Logistic regression settings; lambda defaults to 1e-4. */
	logistic?: Partial<LogisticParams>;
	/** Seed of every random choice (validation slice, bin sample, row and feature subsamples). Default 1. */
	seed?: number;
	/** Top fraction of test users for precision@k, recall@k and lift@k. Default 0.1. */
	k?: number;
}

export interface LogisticResult extends AlgorithmResult {
	model: LogisticModel;
	coefficients: { feature: string; standardised: number; original: number }[];
}

export interface PropensityResult {
	featureNames: string[];
	seed: number;
	k: number;
	gbdt: GbdtResult;
	logistic: LogisticResult;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_K = 0.1;

/**
 * Trains both models on the training matrix and evaluates them on the test matrix. Plain data
 * in, plain data out (JSON-able objects and typed arrays), so the same call runs in a worker, in
 * Node and in tests. `shouldStop` is asked between trees (and Newton steps); when it says so,
 * the promise rejects with TrainingCancelledError.
 */
export async function trainPropensity(request: PropensityRequest, onProgress?: ProgressCallback, shouldStop?: StopCheck): Promise<PropensityResult> {
	const { train, trainLabels, test, testLabels } = request;
	checkFeatureMatrix(train, trainLabels, 'training');
	checkFeatureMatrix(test, testLabels, 'test');
	checkSameFeatures(train, test);
	if (test.rows === 0) throw new Error('The test matrix has no rows.');
	const seed = checkSeed(request.seed ?? DEFAULT_SEED);
	const k = request.k ?? DEFAULT_K;
	topRows(k, 1);
	const params = resolveGbdtParams(request.gbdt);

	const gbdt = await trainAndEvaluateGbdt(train, trainLabels, test, testLabels, params, seed, k, onProgress, shouldStop);
	const logistic = await trainAndEvaluateLogistic(train, trainLabels, test, testLabels, request.logistic ?? {}, k, onProgress, shouldStop);
	return { featureNames: [...train.names], seed, k, gbdt, logistic };
}

export function checkSeed(seed: number): number {
	if (!Number.isInteger(seed)) throw new Error(`The seed must be an integer; it is ${seed}.`);
	return seed;
}

async function trainAndEvaluateLogistic(
	train: FeatureMatrix,
	trainLabels: Uint8Array,
	test: FeatureMatrix,
	testLabels: Uint8Array,
	params: Partial<LogisticParams>,
	k: number,
	onProgress?: ProgressCallback,
	shouldStop?: StopCheck
): Promise<LogisticResult> {
	const started = performance.now();
	const { model, trainLoss } = await fitLogistic(train, trainLabels, params, onProgress, shouldStop);
	const seconds = (performance.now() - started) / 1000;
	const scores = Float32Array.from(predictLogisticRaw(model, test), sigmoid);
	const evaluation = evaluateScores(scores, testLabels, k, train.rows);
	return {
		scores,
		deciles: evaluation.deciles,
		metrics: evaluation.metrics,
		curves: evaluation.curves,
		iterations: model.iterations,
		bestIteration: model.iterations,
		history: { trainLoss, validLoss: null },
		seconds,
		model,
		coefficients: model.featureNames.map((feature, j) => ({ feature, standardised: model.coefficients[j], original: model.coefficientsOriginal[j] }))
	};
}
