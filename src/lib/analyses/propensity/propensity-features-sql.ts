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
 * before it, and `label` = 1 if they bought anything from the cut until the end. The features
 * are the store's `user_features` rows of that cut (computed once, when the data is optimised,
 * from `user_days` and `sessions`, never from events after the cut, so a model trained on them
 * cannot see its label); the cut must be one of the store's cuts (`modelCutsSql`). Days are
 * fractional: (cut − time) / 86,400 s. `days_since_last_purchase` is NULL for users who never
 * bought (the trainer treats it as missing); `rfm_score` is R + F + M (3–15), quintiles among
 * the buyers before the cut with the RFM section's tie-breakers (recency from the last purchase
 * time), 0 for non-buyers; and `rfm_segment` the segment those scores give (text: not a
 * feature, for joining scores to it). Rows come in user_id order without a sort: the store
 * keeps each cut's rows in that order.
 */
export function propensityFeaturesSql({ cut, end }: FeatureWindow): string {
	return `SELECT user_id,
  CAST(coalesce(next_purchase_day < ${end}, false) AS INTEGER) AS label,
  ${PROPENSITY_FEATURES.filter((f) => f !== 'rfm_score').join(', ')},
  coalesce(rfm_r + rfm_f + rfm_m, 0) AS rfm_score,
  coalesce(${rfmSegmentSql('rfm_r', 'rfm_f')}, 'No purchase yet') AS rfm_segment
FROM user_features
WHERE cut = ${cut}`;
}

/**
 * The store's feature cuts as the choices of a search input (columns value and label): each
 * cut with the users it describes and how many of them bought from it on.
 */
export function modelCutsSql(): string {
	return `SELECT strftime(cut, '%Y-%m-%d') AS value,
  strftime(cut, '%Y-%m-%d') || ' · ' || format('{:,}', count(*)) || ' users, ' || format('{:,}', count(next_purchase_day)) || ' bought later' AS label
FROM user_features
GROUP BY cut
ORDER BY cut`;
}

/**
 * A cut input's value as a DATE: the chosen cut, or when the box was cleared the store's
 * first cut (`first`) or the last one with a purchase after it (`last`: the cut at the data's
 * end has nothing to label).
 */
export function cutDateSql(input: string, whenEmpty: 'first' | 'last'): string {
	const fallback = whenEmpty === 'first' ? 'SELECT min(cut) FROM user_features' : 'SELECT max(cut) FROM user_features WHERE next_purchase_day IS NOT NULL';
	return `coalesce(CAST(nullif($${input}, '') AS DATE), (${fallback}))`;
}
