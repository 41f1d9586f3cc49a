import { quoteString } from '../../data/sql';
import { RFM_MAPS, type RfmMap } from './rfm-maps';

const list = (names: readonly string[]) => `[${names.map(quoteString).join(', ')}]`;

/** `CASE map WHEN '<map>' THEN <each(map)> … END`: one SQL expression per map, picked by `map`. */
export function rfmByMapSql(map: string, each: (m: RfmMap) => string): string {
	const when = RFM_MAPS.map((m) => `    WHEN ${quoteString(m.value)} THEN ${each(m).replaceAll('\n', '\n    ')}`);
	return `CASE ${map}\n${when.join('\n')}\n  END`;
}

/**
 * The CTE `chosen`, one row: `map`, the chosen map's value; `segments`, its segment names in
 * display order; `at_risk`, the names whose spend is at-risk value. `map` is an SQL expression
 * (a literal or `$rfm_map`); a value that is not a map fails the query, naming the maps.
 * `segments` and `at_risk` are computed from the checked `map`, so reading any column runs the check.
 */
export function rfmChosenMapCte(map: string): string {
	const maps = RFM_MAPS.map((m) => m.value);
	const expected = `; expected one of ${maps.map((v) => `"${v}"`).join(', ')}`;
	return `chosen AS (
  SELECT map,
    ${rfmByMapSql('map', (m) => list(m.segments.map((s) => s.name))).replaceAll('\n', '\n  ')} AS segments,
    ${rfmByMapSql('map', (m) => list(m.atRisk)).replaceAll('\n', '\n  ')} AS at_risk
  FROM (
    SELECT CASE WHEN list_contains(${list(maps)}, picked) THEN picked
      ELSE error('unknown RFM map ' || coalesce('"' || picked || '"', 'NULL') || ${quoteString(expected)})
    END AS map
    FROM (SELECT CAST(${map} AS VARCHAR) AS picked)
  )
)`;
}
