import { chartCell, inputCell, specCell, sqlCell, sqlViewCell } from '../cell-fence';
import { cutDateSql, modelCutsSql, propensityFeaturesSql } from './propensity-features-sql';

const date = (input: string) => `CAST($${input} AS DATE)`;

/** What the original platform reported for its LightGBM model (its own figures, for comparison). */
export const ORIGINAL_PLATFORM = { auc: 0.752, precision_at_k: 0.36, lift_at_k: 4.5, recall_at_k: 0.225 };

/** Section 9 of the Customer Intelligence notebook: a purchase-propensity model trained in the tab. */
export function propensitySection(): string {
	const original = ORIGINAL_PLATFORM;
	return `## 9. Propensity model

Who will buy next month? A gradient-boosted tree model is trained **in this tab** (a Web Worker,
so the page stays responsive) on every user, from features the SQL cells below read from the
\`user_features\` fact table (built from \`user_days\` and \`sessions\`).

**Temporal validation.** The model learns from the past and is judged on a later period it has
never seen, as it would be used:
- *train*: features of everything before \`$model_train_cut\`, label = bought between it and \`$model_train_end\`;
- *test*: features of everything before \`$model_test_cut\`, label = bought between it and \`$model_test_end\`.

A random split of the test window's users is reported beside it. It looks better and means
less: its training and test users share the same weeks (the same promotions, season and stock),
which a model used next month never does. The temporal figure is the one to believe.

A cut is the 1st or the 16th of a month, after the data's first day and up to the day after its
last: every user's features as of each cut are computed once, when the data is optimised,
because recomputing them for millions of users takes seconds on every run. The labels' ends are
any dates. \`model_cuts\` lists the cuts, with their users and how many of them bought
afterwards; a cleared box means the first cut for training and the last one with purchases after
it for testing.

${sqlCell('model_cuts', modelCutsSql())}

${inputCell('model_train_cut', { type: 'search', value: '2019-10-16', options: 'model_cuts', label: 'Train: features before', placeholder: 'the first cut' })}

${inputCell('model_train_end', { type: 'text', value: '2019-11-01', label: 'Train: label until' })}

${inputCell('model_test_cut', { type: 'search', value: '2019-11-01', options: 'model_cuts', label: 'Test: features before', placeholder: 'the last labelled cut' })}

${inputCell('model_test_end', { type: 'text', value: '2019-12-01', label: 'Test: label until' })}

Features per user (days are fractional, counted back from the cut): days since the last event,
the last purchase (missing for non-buyers) and the first event; sessions; active days; views,
carts, removals, purchases and spend; cart abandonments (sessions with a cart and no purchase);
distinct categories and brands; average viewed price; the share of smartphone events; and the
RFM score R + F + M computed as of the cut (0 for non-buyers). Edit the SQL to add one (e.g. join a
per-user aggregate of \`user_days\` before the cut): the model uses every numeric column but
\`user_id\` and \`label\`, and retrains.

Both feature cells are views (the *View* button in their header): each is one cut's rows of the
store's \`user_features\` table, read by the model, the lab and the charts below as they need
them, instead of a table of every user written again whenever a cut or a window changes.

${sqlViewCell('features_train', propensityFeaturesSql({ cut: cutDateSql('model_train_cut', 'first'), end: date('model_train_end') }))}

${sqlViewCell('features_test', propensityFeaturesSql({ cut: cutDateSql('model_test_cut', 'last'), end: date('model_test_end') }))}

${sqlCell(
	'model_windows',
	`SELECT 'train' AS sample, count(*) AS users, sum(label) AS buyers, avg(label) AS base_rate FROM features_train
UNION ALL
SELECT 'test', count(*), sum(label), avg(label) FROM features_test`
)}

${inputCell('model_k', { type: 'number', value: 5, min: 0.5, max: 50, step: 0.5, label: 'Top k% targeted' })}

${inputCell('model_user', { type: 'text', value: '', label: 'Explain user (id; empty: the top-scored user)' })}

Histogram gradient-boosted trees (255 quantile bins per feature, leaf-wise growth, L2 on leaf
values, row subsampling, early stopping on a held-out 10% of the training users; seeded) and a
standardised L2 logistic regression as the baseline. Metrics are on the test users:
ROC-AUC, PR-AUC (average precision), log loss, and precision, lift and recall among the top k%
by score.

${specCell('model', 'propensity', {
	train: 'features_train',
	test: 'features_test',
	id: 'user_id',
	label: 'label',
	k: '$model_k',
	explain: '$model_user',
	random_split: 0.3,
	seed: 42,
	gbdt: { trees: 200, leaves: 31, learning_rate: 0.1, l2: 1, min_leaf: 50, subsample: 0.5, patience: 10 },
	logistic: { l2: 0.0001 }
})}

The original platform trained LightGBM in Python and reported ROC-AUC ${original.auc}, precision
${original.precision_at_k * 100}% and lift ${original.lift_at_k}× in the top 5%, recall ${original.recall_at_k * 100}%. Beside them, ours
on this dataset (at the top \`$model_k\`%):

${sqlCell(
	'propensity_vs_original',
	`SELECT metric, original, measured
FROM (
  SELECT * FROM propensity_metrics WHERE model = 'gbdt (temporal)'
) m, (VALUES
  ('ROC-AUC', ${original.auc}, m.auc),
  ('precision at top k%', ${original.precision_at_k}, m.precision_at_k),
  ('lift at top k%', ${original.lift_at_k}, m.lift_at_k),
  ('recall at top k%', ${original.recall_at_k}, m.recall_at_k)
) AS t(metric, original, measured)`
)}

${chartCell('propensity_roc_chart', {
	data: 'propensity_roc',
	title: 'ROC curve on the test users',
	height: 300,
	x: { label: 'false-positive rate', domain: [0, 1] },
	y: { label: 'true-positive rate', domain: [0, 1], grid: true },
	color: { legend: true },
	marks: [{ type: 'lineY', x: 'fpr', y: 'tpr', stroke: 'model' }]
})}

${chartCell('propensity_gains_chart', {
	data: 'propensity_gains',
	title: 'Cumulative gains: share of next month’s buyers found in the top x% by score',
	height: 300,
	x: { label: 'share of users targeted', domain: [0, 1] },
	y: { label: 'share of buyers found', domain: [0, 1], grid: true },
	color: { legend: true },
	marks: [{ type: 'lineY', x: 'share_targeted', y: 'share_of_buyers', stroke: 'model' }]
})}

${chartCell('propensity_calibration_chart', {
	data: 'propensity_calibration',
	title: 'Calibration: predicted vs observed purchase rate by score decile',
	height: 280,
	x: { label: 'mean predicted probability', grid: true },
	y: { label: 'observed rate', grid: true },
	color: { legend: true },
	marks: [{ type: 'dot', x: 'predicted', y: 'observed', stroke: 'model', tip: true }, { type: 'lineY', x: 'predicted', y: 'observed', stroke: 'model' }]
})}

${chartCell('propensity_importance_chart', {
	data: 'propensity_importance',
	title: 'Feature importance: total loss reduction of the splits on each feature',
	height: 360,
	marginLeft: 170,
	x: { label: 'share of total gain', grid: true },
	y: { label: null },
	marks: [{ type: 'barX', x: 'share', y: 'feature', sort: { y: '-x' }, fill: 'steelblue', tip: true }]
})}

${sqlCell(
	'propensity_score_bins',
	`SELECT floor(score * 50) / 50 AS low, floor(score * 50) / 50 + 0.02 AS high, count(*) AS users, avg(label) AS bought
FROM propensity_scores
GROUP BY ALL
ORDER BY low`
)}

${chartCell('propensity_score_chart', {
	data: 'propensity_score_bins',
	title: 'Scores of the test users',
	height: 240,
	x: { label: 'predicted probability of a purchase' },
	y: { label: 'users', grid: true },
	marks: [{ type: 'rectY', x1: 'low', x2: 'high', y: 'users', fill: 'steelblue', tip: true }]
})}

**Why this user?** Each feature's contribution to the chosen user's log-odds, from the GBDT;
with the base value they sum exactly to the model's raw score (method in the table).

${chartCell('propensity_explain_chart', {
	data: 'propensity_explain',
	title: 'Contributions to the chosen user’s log-odds',
	height: 360,
	marginLeft: 170,
	x: { label: 'contribution (log-odds)', grid: true },
	y: { label: null },
	marks: [{ type: 'barX', x: 'contribution', y: 'feature', sort: { y: '-x' }, fill: 'steelblue', tip: true }, { type: 'ruleX', x: 0 }]
})}

### Using the scores

Scores by the RFM segment the user was in at the test cut: where the likely buyers are, and the
high-propensity users of segments a win-back campaign targets.

${sqlCell(
	'propensity_by_segment',
	`SELECT f.rfm_segment AS segment, count(*) AS users, avg(s.score) AS avg_score, avg(f.label) AS bought,
  count(*) FILTER (WHERE s.decile = 1) AS top_decile_users
FROM propensity_scores s JOIN features_test f USING (user_id)
GROUP BY ALL
ORDER BY avg_score DESC`
)}

The top \`$model_k\`% of users by score, with their segment and spend: export it (CSV or Parquet)
as a target list.

${sqlCell(
	'propensity_top_users',
	`SELECT s.user_id, s.score, f.rfm_segment AS segment, f.spend, f.days_since_last_event
FROM propensity_scores s JOIN features_test f USING (user_id)
ORDER BY s.score DESC, s.user_id
LIMIT (SELECT ceil(count(*) * $model_k / 100) FROM propensity_scores)`
)}
`;
}
