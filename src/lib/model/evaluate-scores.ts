import { averagePrecision } from './average-precision';
import { calibrationTable, gainsTable, rocPoints, scoreDeciles, type Curves } from './curves';
import { logLoss } from './log-loss';
import { rankScores } from './rank-scores';
import { rocAuc } from './roc-auc';
import { topK } from './top-k';

/** One model's test-set metrics; null where undefined (e.g. AUC when every test label is equal). */
export interface MetricsRow {
	auc: number | null;
	pr_auc: number | null;
	log_loss: number;
	precision_at_k: number;
	lift_at_k: number | null;
	recall_at_k: number | null;
	base_rate: number;
	n_train: number;
	n_test: number;
}

export interface Evaluation {
	metrics: MetricsRow;
	curves: Curves;
	/** Per test row, its score decile (1 = highest scores). */
	deciles: Uint8Array;
}

/** Metrics, curves and deciles of probabilities against 0/1 labels; k is the top fraction for the @k metrics. */
export function evaluateScores(scores: Float32Array, labels: Uint8Array, k: number, nTrain: number): Evaluation {
	const ranking = rankScores(scores, labels);
	const top = topK(ranking, k);
	const deciles = scoreDeciles(ranking);
	return {
		metrics: {
			auc: rocAuc(ranking),
			pr_auc: averagePrecision(ranking),
			log_loss: logLoss(scores, labels),
			precision_at_k: top.precision,
			lift_at_k: top.lift,
			recall_at_k: top.recall,
			base_rate: ranking.positives / ranking.n,
			n_train: nTrain,
			n_test: ranking.n
		},
		curves: { roc: rocPoints(ranking, scores), gains: gainsTable(ranking), calibration: calibrationTable(scores, labels, deciles) },
		deciles
	};
}
