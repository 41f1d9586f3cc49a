/** Settings of the gradient-boosted trees. Every field is optional in a request; defaults below. */
export interface GbdtParams {
	/** Trees at most (scikit-learn's max_iter). Default 100. */
	maxTrees: number;
	/** Shrinkage of every leaf value. Default 0.1. */
	learningRate: number;
	/** Leaves per tree, grown best-first (max_leaf_nodes). Default 31. */
	maxLeaves: number;
	/** Depth limit (root = 0), or null for none. Default null. */
	maxDepth: number | null;
	/** Training rows a leaf must have at least. Default 20. */
	minSamplesLeaf: number;
	/** Sum of hessians a leaf must have at least. Default 1e-3. */
	minHessian: number;
	/** L2 penalty on leaf values (l2_regularization). Default 0. */
	lambda: number;
	/** A split is made only if it reduces the loss by more than this. Default 0. */
	minGain: number;
	/** Fraction of the training rows each tree is grown on, drawn without replacement. Default 0.5. */
	subsample: number;
	/** Fraction of the features each tree may split on, drawn per tree. Default 1. */
	featureFraction: number;
	/** Value bins per feature, 2…255 (missing values have a bin of their own). Default 255. */
	maxBins: number;
	/** Rows the bin edges are computed on. Default 200,000. */
	binSampleSize: number;
	/** Hold out a validation slice and stop when its loss stops improving. Default true. */
	earlyStopping: boolean;
	/** Fraction of the training rows held out for early stopping (stratified by label). Default 0.1. */
	validationFraction: number;
	/** Trees without an improvement of the validation log loss before stopping. Default 10. */
	patience: number;
	/** An improvement is a decrease of more than this. Default 1e-7. */
	tolerance: number;
}

export const GBDT_DEFAULTS: GbdtParams = {
	maxTrees: 100,
	learningRate: 0.1,
	maxLeaves: 31,
	maxDepth: null,
	minSamplesLeaf: 20,
	minHessian: 1e-3,
	lambda: 0,
	minGain: 0,
	subsample: 0.5,
	featureFraction: 1,
	maxBins: 255,
	binSampleSize: 200_000,
	earlyStopping: true,
	validationFraction: 0.1,
	patience: 10,
	tolerance: 1e-7
};

/** The defaults overridden by the given fields; throws on a value out of range. */
export function resolveGbdtParams(given: Partial<GbdtParams> = {}): GbdtParams {
	const params: GbdtParams = { ...GBDT_DEFAULTS };
	for (const [key, value] of Object.entries(given) as [keyof GbdtParams, unknown][]) {
		if (!(key in GBDT_DEFAULTS)) throw new Error(`Unknown GBDT parameter: ${key}.`);
		if (value !== undefined) (params as unknown as Record<string, unknown>)[key] = value;
	}
	const check = (ok: boolean, what: string) => {
		if (!ok) throw new Error(`GBDT parameter ${what}.`);
	};
	const int = (x: number) => Number.isInteger(x);
	check(int(params.maxTrees) && params.maxTrees >= 1, `maxTrees must be a positive integer; it is ${params.maxTrees}`);
	check(params.learningRate > 0, `learningRate must be positive; it is ${params.learningRate}`);
	check(int(params.maxLeaves) && params.maxLeaves >= 2, `maxLeaves must be an integer ≥ 2; it is ${params.maxLeaves}`);
	check(params.maxDepth === null || (int(params.maxDepth) && params.maxDepth >= 1), `maxDepth must be null or an integer ≥ 1`);
	check(int(params.minSamplesLeaf) && params.minSamplesLeaf >= 1, `minSamplesLeaf must be an integer ≥ 1`);
	check(params.minHessian >= 0, `minHessian must be ≥ 0`);
	check(params.lambda >= 0, `lambda must be ≥ 0`);
	check(params.minGain >= 0, `minGain must be ≥ 0`);
	check(params.subsample > 0 && params.subsample <= 1, `subsample must be in (0, 1]; it is ${params.subsample}`);
	check(params.featureFraction > 0 && params.featureFraction <= 1, `featureFraction must be in (0, 1]`);
	check(int(params.maxBins) && params.maxBins >= 2 && params.maxBins <= 255, `maxBins must be an integer from 2 to 255`);
	check(int(params.binSampleSize) && params.binSampleSize >= 1, `binSampleSize must be a positive integer`);
	check(params.validationFraction > 0 && params.validationFraction < 1, `validationFraction must be in (0, 1)`);
	check(int(params.patience) && params.patience >= 1, `patience must be a positive integer`);
	check(params.tolerance >= 0, `tolerance must be ≥ 0`);
	return params;
}
