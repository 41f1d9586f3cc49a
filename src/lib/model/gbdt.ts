import { binFeatures, computeBinEdges } from './bin-features';
import { selectLabels, type FeatureMatrix } from './feature-matrix';
import type { GbdtModel } from './gbdt-model';
import type { GbdtParams } from './gbdt-params';
import { TreeGrower } from './grow-tree';
import { logLossOfRaw } from './log-loss';
import { createRandom, deriveSeed } from './random';
import { sampleRows } from './sample-rows';
import { splitValidation } from './split-validation';
import { stopPoint } from './training-cancelled-error';
import type { ProgressCallback, StopCheck } from './training-progress';
import { addTreeOnBins, type Tree } from './tree';

export interface GbdtTraining {
	/** The trees up to the best iteration. */
	model: GbdtModel;
	/** Trees grown. */
	iterations: number;
	/** Trees kept: the count at which the validation loss was lowest (all, without early stopping). */
	bestIteration: number;
	/** Per tree grown, the mean log loss on up to 100,000 of the rows trained on. */
	trainLoss: number[];
	/** Per tree grown, the validation log loss; null without early stopping. */
	validLoss: number[] | null;
	/** Rows the trees were grown from, and held out for early stopping. */
	fitRows: number;
	validRows: number;
}

const MONITOR_ROWS = 100_000;

/**
 * Histogram gradient boosting for binary log loss (LightGBM / scikit-learn's
 * HistGradientBoostingClassifier): binned features, leaf-wise trees on per-tree row subsamples,
 * early stopping on a held-out slice. Deterministic for a given seed.
 */
export async function trainGbdt(
	matrix: FeatureMatrix,
	labels: Uint8Array,
	params: GbdtParams,
	seed: number,
	onProgress?: ProgressCallback,
	shouldStop?: StopCheck
): Promise<GbdtTraining> {
	onProgress?.({ phase: 'binning', trees: 0, maxTrees: params.maxTrees, trainLoss: null, validLoss: null });
	const split = params.earlyStopping ? splitValidation(labels, params.validationFraction, createRandom(deriveSeed(seed, 1))) : null;
	const fitRows = split?.fit ?? null;
	const binEdges = computeBinEdges(matrix, { maxBins: params.maxBins, sampleSize: params.binSampleSize, seed: deriveSeed(seed, 2) }, fitRows);
	const fit = binFeatures(matrix, binEdges, fitRows);
	const fitLabels = fitRows === null ? labels : selectLabels(labels, fitRows);
	const valid = split === null ? null : binFeatures(matrix, binEdges, split.valid);
	const validLabels = split === null ? null : selectLabels(labels, split.valid);
	await stopPoint(shouldStop);

	const n = fit.rows;
	let positives = 0;
	for (let i = 0; i < n; i++) positives += fitLabels[i];
	if (positives === 0 || positives === n) {
		throw new Error(`The rows trained on all have label ${positives === 0 ? 0 : 1}: a model needs both buyers and non-buyers.`);
	}
	const baseScore = Math.log(positives / (n - positives));
	const raw = new Float64Array(n).fill(baseScore);
	const validRaw = valid === null ? null : new Float64Array(valid.rows).fill(baseScore);
	const monitor = sampleRows(n, Math.min(n, MONITOR_ROWS), createRandom(deriveSeed(seed, 3)));

	const m = Math.max(1, Math.round(params.subsample * n));
	const rows = new Uint32Array(m);
	const gh = new Float32Array(2 * m);
	const inSample = m < n ? new Uint8Array(n) : null;
	const rowRandom = createRandom(deriveSeed(seed, 4));
	const featureRandom = createRandom(deriveSeed(seed, 5));
	const nFeatures = matrix.columns.length;
	const allFeatures = Int32Array.from({ length: nFeatures }, (_, f) => f);
	const perTree = Math.max(1, Math.round(params.featureFraction * nFeatures));
	const grower = new TreeGrower(binEdges, params);

	const trees: Tree[] = [];
	const trainLoss: number[] = [];
	const validLoss: number[] | null = valid === null ? null : [];
	let best = validRaw === null ? Infinity : logLossOfRaw(validRaw, validLabels!);
	let bestIteration = 0;
	for (let t = 0; t < params.maxTrees; t++) {
		if (inSample === null) {
			for (let k = 0; k < m; k++) rows[k] = k;
		} else {
			sampleRows(n, m, rowRandom, rows);
			inSample.fill(0);
			for (let k = 0; k < m; k++) inSample[rows[k]] = 1;
		}
		for (let k = 0; k < m; k++) {
			const r = rows[k];
			const p = 1 / (1 + Math.exp(-raw[r]));
			gh[2 * k] = p - fitLabels[r];
			gh[2 * k + 1] = Math.max(p * (1 - p), 1e-16);
		}
		const features = perTree < nFeatures ? Int32Array.from(sampleRows(nFeatures, perTree, featureRandom)) : allFeatures;
		const tree = grower.grow({ columns: fit.columns, features, rows, gh, count: m });
		trees.push(tree);

		const ranges = grower.leafRanges;
		for (let j = 0; j < ranges.length; j += 3) {
			const v = tree.value[ranges[j]];
			for (let k = ranges[j + 1]; k < ranges[j + 2]; k++) raw[rows[k]] += v;
		}
		if (inSample !== null) addTreeOnBins(tree, fit.columns, raw, inSample);
		trainLoss.push(logLossOfRaw(raw, fitLabels, monitor));
		let lossNow: number | null = null;
		if (validRaw !== null) {
			addTreeOnBins(tree, valid!.columns, validRaw);
			lossNow = logLossOfRaw(validRaw, validLabels!);
			validLoss!.push(lossNow);
		}
		onProgress?.({ phase: 'gbdt', trees: t + 1, maxTrees: params.maxTrees, trainLoss: trainLoss[t], validLoss: lossNow });
		if (lossNow === null) {
			bestIteration = t + 1;
		} else if (lossNow < best - params.tolerance) {
			best = lossNow;
			bestIteration = t + 1;
		} else if (t + 1 - bestIteration >= params.patience) {
			break;
		}
		await stopPoint(shouldStop);
	}
	return {
		model: { featureNames: [...matrix.names], binEdges, baseScore, trees: trees.slice(0, bestIteration), params, seed },
		iterations: trees.length,
		bestIteration,
		trainLoss,
		validLoss,
		fitRows: n,
		validRows: valid?.rows ?? 0
	};
}
