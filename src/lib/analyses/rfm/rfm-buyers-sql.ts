import { quoteString } from '../../data/sql';
import { rfmByMapSql, rfmChosenMapCte } from './rfm-chosen-map-cte';
import { RFM_MAP_TEN } from './rfm-maps';
import { RFM_SCORES } from './rfm-scores-sql';
import { rfmSegmentSql } from './rfm-segments';

/** The cell (or view) holding rfmBuyersSql()'s rows. */
export const RFM_BUYERS = 'rfm_buyers';

/**
 * Every scored buyer (rfmScoresSql()'s rows, read from `scores`) with its segment under the map
 * `map` (an SQL expression: a literal or `$rfm_map`, by default the standard ten segments; a
 * value that is not a map fails the query, naming the maps). Labelling is a CASE per row, cheap
 * enough to keep as a view: choosing another map then re-ranks nobody and writes nothing.
 */
export function rfmBuyersSql(p: { scores?: string; map?: string } = {}): string {
	const scores = p.scores ?? RFM_SCORES;
	const map = p.map ?? quoteString(RFM_MAP_TEN);
	return `WITH ${rfmChosenMapCte(map)}
SELECT b.*,
  ${rfmByMapSql('chosen.map', (m) => rfmSegmentSql('b.r', 'b.f', m.segments))} AS segment
FROM ${scores} AS b, chosen`;
}
