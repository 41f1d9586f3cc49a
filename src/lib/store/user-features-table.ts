import { column, factTableSteps, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

/**
 * Days of the month a feature cut falls on. A model learns from everything before a cut and is
 * labelled by what follows it; half-month cuts give a training label of half a month and a
 * test label of the next month, as the propensity model's default windows use.
 */
export const FEATURE_CUT_DAYS = [1, 16] as const;

// One row per cut and user with an event before the cut: every per-user feature of the
// propensity model as of that cut, and the user's first purchase day from the cut on (so any
// label window starting at the cut is one comparison). A model's feature cells then read one
// cut's rows instead of aggregating user_days and sessions for millions of users on each run
// (seconds at 100M events). Counts are over user_days rows before the cut and sessions
// started before it; days are fractional, (cut − time) / 86,400 s. Sessions are not split by
// time, so one that runs over the cut's midnight counts whole (its cart or purchase after the
// cut too) in sessions, cart_abandonments and orders.
export const USER_FEATURE_COLUMNS = [
	column('cut', 'DATE', 'a.cut'),
	column('user_id', 'INTEGER', 'a.user_id'),
	column('days_since_last_event', 'DOUBLE', 'a.days_since_last_event'),
	// NULL for users who never bought before the cut.
	column('days_since_last_purchase', 'DOUBLE', 'a.days_since_last_purchase'),
	column('days_since_first_seen', 'DOUBLE', 'a.days_since_first_seen'),
	column('sessions', 'INTEGER', 'coalesce(v.sessions, 0)'),
	column('active_days', 'INTEGER', 'a.active_days'),
	column('views', 'INTEGER', 'a.views'),
	column('carts', 'INTEGER', 'a.carts'),
	column('removes', 'INTEGER', 'a.removes'),
	column('purchases', 'INTEGER', 'a.purchases'),
	column('spend', 'DOUBLE', 'a.spend'),
	// Sessions with a cart and no purchase.
	column('cart_abandonments', 'INTEGER', 'coalesce(v.cart_abandonments, 0)'),
	// Sessions with a purchase.
	column('orders', 'INTEGER', 'coalesce(v.orders, 0)'),
	column('categories', 'INTEGER', 'a.categories'),
	column('brands', 'INTEGER', 'a.brands'),
	column('avg_viewed_price', 'DOUBLE', 'a.avg_viewed_price'),
	column('smartphone_share', 'DOUBLE', 'a.smartphone_share'),
	// First UTC day on or after the cut with a purchase; NULL if none in the data.
	column('next_purchase_day', 'DATE', 'n.next_purchase_day'),
	// RFM quintiles (1–5) among the cut's buyers, set by the last step; NULL for non-buyers.
	column('rfm_r', 'TINYINT', 'NULL'),
	column('rfm_f', 'TINYINT', 'NULL'),
	column('rfm_m', 'TINYINT', 'NULL')
];

/**
 * The cuts of a store: the FEATURE_CUT_DAYS of every month of user_days after its first day
 * (so a cut has days to learn from) and up to the day after its last: a cut inside the data
 * has days after it to label, and one at its end describes every user as of today, to score.
 */
export function featureCutsSql(schema: string): string {
	const days = storeTable(schema, 'user_days');
	const offsets = FEATURE_CUT_DAYS.map((d) => d - 1).join(', ');
	return `SELECT DISTINCT CAST(month + to_days(o) AS DATE) AS cut
FROM (SELECT min(day) AS lo, max(day) AS hi FROM ${days}) span,
  unnest(generate_series(CAST(date_trunc('month', span.lo) AS DATE), CAST(date_trunc('month', span.hi + 1) AS DATE), INTERVAL 1 MONTH)) AS m(month),
  unnest([${offsets}]) AS d(o)
WHERE CAST(month + to_days(o) AS DATE) > span.lo AND CAST(month + to_days(o) AS DATE) <= span.hi + 1`;
}

const BOUNDS = `getvariable('store_feature_bounds')`;

/** Pass k of n over ranges of user_id split at the users' quantiles, held in BOUNDS. */
function userRange(col: string, k: number, n: number): string {
	if (n === 1) return `${col} IS NOT NULL`;
	const lower = k === 0 ? null : `${col} > ${BOUNDS}[${k}]`;
	const upper = k === n - 1 ? null : `${col} <= ${BOUNDS}[${k + 1}]`;
	return [`${col} IS NOT NULL`, lower, upper].filter(Boolean).join(' AND ');
}

/**
 * Passes over ranges of user_id (split at quantiles of users, so passes hold about as many
 * users each), each inserting its rows ordered by cut and user_id: a cut's rows then come out
 * of a scan in user_id order, pass after pass, with no sort of millions of rows at build or in
 * the cells. A last step sets the RFM quintiles, which rank all of a cut's buyers, in place.
 */
export function userFeaturesSteps({ schema, partitions: n }: FactContext): StoreStep[] {
	const days = storeTable(schema, 'user_days');
	const sessions = storeTable(schema, 'sessions');
	const users = storeTable(schema, 'users');
	const target = storeTable(schema, 'user_features');
	const at = 'CAST(c.cut AS TIMESTAMP)';
	const quantiles = Array.from({ length: n - 1 }, (_, i) => `${i + 1}/${n}`).join(', ');
	const passes = factTableSteps({
		schema,
		table: 'user_features',
		columns: USER_FEATURE_COLUMNS,
		passes: n,
		// Set again in every pass, as sessions does: a pass never depends on state an earlier step left.
		prelude: () => (n > 1 ? `SET VARIABLE store_feature_bounds = (SELECT quantile_disc(user_id, [${quantiles}]) FROM ${users});\n` : ''),
		with: (k) => `cuts AS (
${featureCutsSql(schema)}
),
activity AS (
  SELECT c.cut, d.user_id,
    epoch(${at} - max(d.last_time)) / 86400 AS days_since_last_event,
    epoch(${at} - max(d.last_purchase)) / 86400 AS days_since_last_purchase,
    epoch(${at} - min(d.first_time)) / 86400 AS days_since_first_seen,
    count(*) AS active_days,
    sum(d.views) AS views,
    sum(d.carts) AS carts,
    sum(d.removes) AS removes,
    sum(d.purchases) AS purchases,
    CAST(sum(d.revenue) AS DOUBLE) AS spend,
    len(list_distinct(flatten(list(d.categories)))) AS categories,
    len(list_distinct(flatten(list(d.brand_hashes)))) AS brands,
    sum(d.viewed_price_sum) / nullif(sum(d.views), 0) AS avg_viewed_price,
    sum(d.phone_events) / sum(d.events) AS smartphone_share
  FROM ${days} d JOIN cuts c ON d.day < c.cut
  WHERE ${userRange('d.user_id', k, n)}
  GROUP BY c.cut, d.user_id
),
visits AS (
  SELECT c.cut, s.user_id,
    count(*) AS sessions,
    count(*) FILTER (WHERE s.has_cart AND NOT s.has_purchase) AS cart_abandonments,
    count(*) FILTER (WHERE s.has_purchase) AS orders
  FROM ${sessions} s JOIN cuts c ON s.start_time < c.cut
  WHERE ${userRange('s.user_id', k, n)}
  GROUP BY c.cut, s.user_id
),
later AS (
  SELECT c.cut, d.user_id, min(d.day) AS next_purchase_day
  FROM ${days} d JOIN cuts c ON d.day >= c.cut
  WHERE d.purchases > 0 AND ${userRange('d.user_id', k, n)}
  GROUP BY c.cut, d.user_id
)`,
		body: () => `FROM activity a
LEFT JOIN visits v ON v.cut = a.cut AND v.user_id = a.user_id
LEFT JOIN later n ON n.cut = a.cut AND n.user_id = a.user_id
ORDER BY a.cut, a.user_id`
	});
	// Ties within a quintile's order go to the smaller user_id, as the RFM section breaks them.
	const rfm = {
		name: 'user_features rfm',
		sql: `UPDATE ${target} f
SET rfm_r = q.r, rfm_f = q.f, rfm_m = q.m
FROM (
  SELECT cut, user_id,
    NTILE(5) OVER (PARTITION BY cut ORDER BY days_since_last_purchase DESC, user_id) AS r,
    NTILE(5) OVER (PARTITION BY cut ORDER BY orders, spend, user_id) AS f,
    NTILE(5) OVER (PARTITION BY cut ORDER BY spend, user_id) AS m
  FROM ${target}
  WHERE purchases > 0
) q
WHERE q.cut = f.cut AND q.user_id = f.user_id`
	};
	return [...passes, rfm];
}
