import { binFeatures, type BinEdges } from './bin-features';
import type { FeatureMatrix } from './feature-matrix';
import type { GbdtParams } from './gbdt-params';
import { addTreeByPartition, leafOfValues, type Tree } from './tree';

/** A trained booster: raw score (log-odds) = baseScore + Σ tree outputs. */
export interface GbdtModel {
	featureNames: string[];
	binEdges: BinEdges;
	/** Log-odds of the training base rate. */
	baseScore: number;
	trees: Tree[];
	params: GbdtParams;
	seed: number;
}

/**
 * Raw scores (log-odds) of every row of the matrix, whose features must be the model's, in order.
 * Many rows are binned with the model's edges first and sent down each tree by partitioning
 * (faster); a value's bin is at most a split's bin exactly when the value is at most its
 * threshold, so both ways give the same scores.
 */
export function predictGbdtRaw(model: GbdtModel, matrix: FeatureMatrix): Float64Array {
	if (matrix.names.length !== model.featureNames.length || matrix.names.some((name, f) => name !== model.featureNames[f])) {
		throw new Error(`The matrix's features (${matrix.names.join(', ')}) are not the model's (${model.featureNames.join(', ')}).`);
	}
	const raw = new Float64Array(matrix.rows).fill(model.baseScore);
	if (matrix.rows >= PARTITION_FROM) {
		const { columns } = binFeatures(matrix, model.binEdges);
		const rows = new Uint32Array(matrix.rows);
		const scratch = new Uint32Array(matrix.rows);
		for (const tree of model.trees) addTreeByPartition(tree, columns, raw, rows, scratch);
		return raw;
	}
	for (const tree of model.trees) {
		const value = tree.value;
		for (let i = 0; i < matrix.rows; i++) raw[i] += value[leafOfValues(tree, matrix.columns, i)];
	}
	return raw;
}

const PARTITION_FROM = 4096;

export function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

/** Purchase probabilities of every row. */
export function predictGbdtProbability(model: GbdtModel, matrix: FeatureMatrix): Float32Array {
	return Float32Array.from(predictGbdtRaw(model, matrix), sigmoid);
}
