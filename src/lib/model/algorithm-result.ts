import type { Curves } from './curves';
import type { MetricsRow } from './evaluate-scores';

/** What the notebook shows of one trained model, evaluated on the test rows. */
export interface AlgorithmResult {
	/** Per test row (in the test matrix's order), the predicted purchase probability. */
	scores: Float32Array;
	/** Per test row, its score decile: 1 for the highest scores … 10. */
	deciles: Uint8Array;
	metrics: MetricsRow;
	curves: Curves;
	/** GBDT: trees grown; logistic: Newton steps. */
	iterations: number;
	/** GBDT: trees kept (the lowest validation loss); logistic: = iterations. */
	bestIteration: number;
	history: {
		/** Per tree (step), the mean training log loss (GBDT: on up to 100,000 training rows). */
		trainLoss: number[];
		/** Per tree, the validation log loss; null without early stopping (and for the logistic model). */
		validLoss: number[] | null;
	};
	/** Training time, binning included. */
	seconds: number;
}
