import { binFeatures, computeBinEdges } from './bin-features';
import { selectLabels, type FeatureMatrix } from './feature-matrix';
import type { GbdtModel } from './gbdt-model';
import type { GbdtParams } from './gbdt-params';
import { TreeGrower } from './grow-tree';
import { logLossOfRaw } from './log-loss';
import { createRandom, deriveSeed } from './random';
import { RowSampler, sampleRows } from './sample-rows';
import { splitValidation } from './split-validation';
import { stopPoint } from './training-cancelled-error';
import type { ProgressCallback, StopCheck } from './training-progress';
import type { Tree } from './tree';

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

	const sampler = new RowSampler(n, params.subsample);
	const gh = new Float32Array(2 * n);
	const validOrder = valid === null ? null : new Uint32Array(valid.rows);
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
		const { inBag: rows, outOfBag } = sampler;
		let m = n;
		if (params.subsample < 1) m = sampler.draw(rowRandom);
		else for (let k = 0; k < n; k++) rows[k] = k;
		const passengers = [{ columns: fit.columns, rows: outOfBag, count: n - m }];
		if (validOrder !== null) {
			for (let k = 0; k < validOrder.length; k++) validOrder[k] = k;
			passengers.push({ columns: valid!.columns, rows: validOrder, count: validOrder.length });
		}
		logLossGradients(raw, fitLabels, rows, m, gh);
		const features = perTree < nFeatures ? Int32Array.from(sampleRows(nFeatures, perTree, featureRandom)) : allFeatures;
		const tree = grower.grow({ columns: fit.columns, features, rows, gh, count: m, passengers });
		trees.push(tree);
		for (const leaf of grower.leafRanges) {
			const v = tree.value[leaf.node];
			addToRows(raw, rows, leaf.start, leaf.end, v);
			addToRows(raw, outOfBag, leaf.passengerStarts[0], leaf.passengerEnds[0], v);
			if (validRaw !== null) addToRows(validRaw, validOrder!, leaf.passengerStarts[1], leaf.passengerEnds[1], v);
		}
		trainLoss.push(logLossOfRaw(raw, fitLabels, monitor));
		let lossNow: number | null = null;
		if (validRaw !== null) {
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

/** Gradient p − y and hessian p·(1 − p) of the log loss at each sampled row, stored by row number. */
function logLossGradients(raw: Float64Array, labels: Uint8Array, rows: Uint32Array, m: number, gh: Float32Array): void {
	for (let k = 0; k < m; k++) {
		const r = rows[k];
		const p = 1 / (1 + Math.exp(-raw[r]));
		gh[2 * r] = p - labels[r];
		gh[2 * r + 1] = Math.max(p * (1 - p), 1e-16);
	}
}

function addToRows(raw: Float64Array, rows: Uint32Array, start: number, end: number, value: number): void {
	for (let k = start; k < end; k++) raw[rows[k]] += value;
}
