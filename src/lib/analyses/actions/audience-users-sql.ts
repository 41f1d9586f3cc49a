import { AUDIENCE_MEMBERS } from './audience-members-sql';
import { AUDIENCE_ROWS } from './audiences';

/**
 * The users of one audience, for export (the result's CSV download): user_id first, then what
 * put them there and the category to offer them (the cross-sell partner of their favourite). `audience` is an SQL expression (e.g. `$audience`); a name that is no
 * audience fails the query, naming the audiences.
 */
export function audienceUsersSql(p: { audience: string; members?: string }): string {
	const members = p.members ?? AUDIENCE_MEMBERS;
	return `WITH audiences(audience, action, position) AS (VALUES
    ${AUDIENCE_ROWS}
),
chosen AS (
  SELECT CASE WHEN (SELECT count(*) FROM audiences WHERE audience = CAST(${p.audience} AS VARCHAR)) = 1 THEN CAST(${p.audience} AS VARCHAR)
    ELSE error('unknown audience ' || coalesce('"' || CAST(${p.audience} AS VARCHAR) || '"', 'NULL') || '; expected one of ' || (SELECT string_agg(audience, ', ' ORDER BY position) FROM audiences))
  END AS audience
)
SELECT m.user_id, m.rfm_segment, m.decile, m.peer_decile, m.score, m.purchases, m.spend, m.expected_value, m.favourite_category, m.cross_sell
FROM ${members} m JOIN chosen USING (audience)
ORDER BY m.expected_value DESC NULLS LAST, m.spend DESC, m.user_id`;
}
