import { rfmSegmentSql } from '../rfm/rfm-segments';

/** Where the feature window ends and the label window starts, and where the label window ends. */
export interface FeatureWindow {
	/** SQL expression of a DATE: features read the days before it, the label the days from it. */
	cut: string;
	/** SQL expression of a DATE: the label window ends before it. */
	end: string;
}

/** The numeric feature columns the query yields, in order (every column but user_id and label). */
export const PROPENSITY_FEATURES = [
	'days_since_last_event',
	'days_since_last_purchase',
	'days_since_first_seen',
	'sessions',
	'active_days',
	'views',
	'carts',
	'removes',
	'purchases',
	'spend',
	'cart_abandonments',
	'categories',
	'brands',
	'avg_viewed_price',
	'smartphone_share',
	'rfm_score'
] as const;

/**
 * One row per user with an event before the cut: the features of everything the user did
 * before it, and `label` = 1 if they bought anything from the cut until the end. Features read
 * `user_days` (and `sessions` for session counts), never events after the cut, so a model
 * trained on them cannot see its label. Days are fractional: (cut − time) / 86,400 s.
 * `days_since_last_purchase` is NULL for users who never bought (the trainer treats it as
 * missing); `rfm_score` is R + F + M (3–15), quintiles among the buyers before the cut with the
 * RFM section's tie-breakers (recency from the last purchase time), 0 for non-buyers; and
 * `rfm_segment` the segment those scores give (text: not a feature, for joining scores to it).
 */
export function propensityFeaturesSql({ cut, end }: FeatureWindow): string {
	return `WITH window_days AS (
  SELECT * FROM user_days WHERE day < ${cut}
),
activity AS (
  SELECT user_id,
    epoch(CAST(${cut} AS TIMESTAMP) - max(last_time)) / 86400 AS days_since_last_event,
    epoch(CAST(${cut} AS TIMESTAMP) - max(last_purchase)) / 86400 AS days_since_last_purchase,
    epoch(CAST(${cut} AS TIMESTAMP) - min(first_time)) / 86400 AS days_since_first_seen,
    count(*) AS active_days,
    sum(views) AS views,
    sum(carts) AS carts,
    sum(removes) AS removes,
    sum(purchases) AS purchases,
    CAST(sum(revenue) AS DOUBLE) AS spend,
    len(list_distinct(flatten(list(categories)))) AS categories,
    len(list_distinct(flatten(list(brand_hashes)))) AS brands,
    sum(viewed_price_sum) / nullif(sum(views), 0) AS avg_viewed_price,
    sum(phone_events) / sum(events) AS smartphone_share
  FROM window_days
  GROUP BY user_id
),
visits AS (
  SELECT user_id,
    count(*) AS sessions,
    count(*) FILTER (WHERE has_cart AND NOT has_purchase) AS cart_abandonments,
    count(*) FILTER (WHERE has_purchase) AS orders
  FROM sessions
  WHERE start_time < ${cut}
  GROUP BY user_id
),
rfm AS (
  SELECT a.user_id,
    NTILE(5) OVER (ORDER BY a.days_since_last_purchase DESC, a.user_id) AS r,
    NTILE(5) OVER (ORDER BY coalesce(v.orders, 0), a.spend, a.user_id) AS f,
    NTILE(5) OVER (ORDER BY a.spend, a.user_id) AS m
  FROM activity a LEFT JOIN visits v USING (user_id)
  WHERE a.purchases > 0
),
label AS (
  SELECT user_id, max(purchases) > 0 AS bought
  FROM user_days
  WHERE day >= ${cut} AND day < ${end}
  GROUP BY user_id
)
SELECT a.user_id,
  CAST(coalesce(l.bought, false) AS INTEGER) AS label,
  a.days_since_last_event, a.days_since_last_purchase, a.days_since_first_seen,
  coalesce(v.sessions, 0) AS sessions,
  a.active_days, a.views, a.carts, a.removes, a.purchases, a.spend,
  coalesce(v.cart_abandonments, 0) AS cart_abandonments,
  a.categories, a.brands, a.avg_viewed_price, a.smartphone_share,
  coalesce(r.r + r.f + r.m, 0) AS rfm_score,
  coalesce(${rfmSegmentSql('r.r', 'r.f')}, 'No purchase yet') AS rfm_segment
FROM activity a
LEFT JOIN visits v USING (user_id)
LEFT JOIN rfm r USING (user_id)
LEFT JOIN label l USING (user_id)
ORDER BY a.user_id`;
}
