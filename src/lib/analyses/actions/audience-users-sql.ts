import { AUDIENCE_MEMBERS } from './audience-members-sql';
import { AUDIENCE_ROWS } from './audiences';

/**
 * The users of one audience, for export (the result's CSV download): user_id first, then what
 * put them there and the category to offer them: `cross_sell`, the also-bought partner of
 * their favourite category with the highest lift among customers (user baskets, pairs in at
 * least `minPairs` of them; ties: most baskets, then the name). `audience` is an SQL expression
 * (e.g. `$audience`); a name that is no audience fails the query, naming the audiences.
 */
export function audienceUsersSql(p: { audience: string; minPairs: string; members?: string }): string {
	const members = p.members ?? AUDIENCE_MEMBERS;
	return `WITH audiences(audience, action, position) AS (VALUES
    ${AUDIENCE_ROWS}
),
chosen AS (
  SELECT CASE WHEN (SELECT count(*) FROM audiences WHERE audience = CAST(${p.audience} AS VARCHAR)) = 1 THEN CAST(${p.audience} AS VARCHAR)
    ELSE error('unknown audience ' || coalesce('"' || CAST(${p.audience} AS VARCHAR) || '"', 'NULL') || '; expected one of ' || (SELECT string_agg(audience, ', ' ORDER BY position) FROM audiences))
  END AS audience
),
partners AS (
  SELECT item, partner FROM (
    SELECT item_a AS item, item_b AS partner, baskets, (baskets::DOUBLE * total_baskets) / (baskets_a::DOUBLE * baskets_b) AS lift
    FROM item_pairs WHERE level = 'user' AND item_level = 'category_code' AND baskets >= ${p.minPairs}
    UNION ALL
    SELECT item_b, item_a, baskets, (baskets::DOUBLE * total_baskets) / (baskets_a::DOUBLE * baskets_b)
    FROM item_pairs WHERE level = 'user' AND item_level = 'category_code' AND baskets >= ${p.minPairs}
  )
  QUALIFY row_number() OVER (PARTITION BY item ORDER BY lift DESC, baskets DESC, partner) = 1
)
SELECT m.user_id, m.rfm_segment, m.decile, m.peer_decile, m.score, m.purchases, m.spend, m.expected_value, m.favourite_category, x.partner AS cross_sell
FROM ${members} m JOIN chosen USING (audience)
LEFT JOIN partners x ON x.item = m.favourite_category
ORDER BY m.expected_value DESC NULLS LAST, m.spend DESC, m.user_id`;
}
