/** The propensity model's figures at its top k% (k a share in the metrics, a percent here): lift, precision, recall, and its ROC-AUC. */
export function summaryModelSql(p: { metrics?: string } = {}): string {
	const metrics = p.metrics ?? 'propensity_metrics';
	return `SELECT round(100 * k, 2) AS k_pct, round(lift_at_k, 2) AS lift_at_k, round(100 * precision_at_k, 1) AS precision_pct,
  round(100 * recall_at_k, 1) AS recall_pct, round(auc, 3) AS auc, round(100 * base_rate, 1) AS base_rate_pct
FROM ${metrics}
WHERE model = 'gbdt (temporal)'`;
}
