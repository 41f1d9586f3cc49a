import { sqlViewCell } from '../cell-fence';
import { rfmAtRiskSql } from './rfm-at-risk-sql';
import { rfmBuyersSql } from './rfm-buyers-sql';
import { rfmGridSql } from './rfm-grid-sql';
import { RFM_MAP_SIX, RFM_MAP_TEN, RFM_MAPS, RFM_SEGMENT_NAMES } from './rfm-maps';
import { RFM_ORIGINAL_SEGMENTS } from './rfm-original-segments';
import { rfmScoresSql } from './rfm-scores-sql';
import { rfmSegmentSummarySql } from './rfm-segment-summary-sql';
import { rfmSegmentUsersSql } from './rfm-segment-users-sql';
import { AT_RISK_SEGMENTS, RFM_SEGMENTS, type RfmSegment } from './rfm-segments';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The segment input's default: "Can't lose them" is in both maps, so changing the map alone never fails the list. */
const DEFAULT_SEGMENT = AT_RISK_SEGMENTS[1];

const range = ([lo, hi]: readonly [number, number]) => (lo === hi ? `${lo}` : `${lo}–${hi}`);

/** The segment map the cells read. */
const map = '$rfm_map';

/** An (R, F) map as a markdown table, from the same list the SQL uses. */
function segmentTable(segments: readonly RfmSegment[]): string {
	const rows = segments.map((s) => `| ${s.name} | ${range(s.r)} | ${range(s.f)} |`);
	return ['| segment | R | F |', '|---|---|---|', ...rows].join('\n');
}

/** Section 6 of the Customer Intelligence notebook: RFM segments of the buyers. */
export function rfmSection(): string {
	return `## 6. RFM segmentation

Buyers (users with at least one purchase) scored on **R**ecency, **F**requency and
**M**onetary value:
- **reference time** = the last event time in the data + 1 day;
- **recency_days** = \`date_diff('day', last purchase time, reference time)\`, DuckDB's
  calendar-day difference (a purchase late on the 29th is 2 days before a reference on the 1st);
- **frequency** = distinct sessions with a purchase; **monetary** = sum of purchase prices.

Scores are quintiles 1–5 (5 = best), made deterministic by their tie-breakers:
\`R = NTILE(5) OVER (ORDER BY recency_days DESC, user_id)\`,
\`F = NTILE(5) OVER (ORDER BY frequency, monetary, user_id)\`,
\`M = NTILE(5) OVER (ORDER BY monetary, user_id)\`.
Most buyers buy in a single session, so F's tie-breaker splits them by spend: an F of 3 or 4
can still mean one purchase session.

Segments come from (R, F) by a segment map, chosen below. The default, *${RFM_MAP_TEN}*, is
the standard map:

${segmentTable(RFM_SEGMENTS)}

*${RFM_MAP_SIX}* is the original platform's map, coarser:

${segmentTable(RFM_ORIGINAL_SEGMENTS)}

The ten segments are for targeting: they tell new buyers from promising ones, and buyers who
need attention from those about to sleep. The six are for comparing with the original
platform's figures, or for small data, where ten segments leave some nearly empty. Names the
maps share mostly cover other cells (the six-segment Champions are R 4–5, the ten-segment
ones R 5 only), so a segment's buyers are not comparable across maps by its name alone. The
scores, and so the R × F grid below, are the same under both maps.

\`\`\`input name=rfm_map
${json({ type: 'select', value: RFM_MAP_TEN, options: RFM_MAPS.map((m) => m.value), label: 'Segment map' })}
\`\`\`

\`\`\`sql name=rfm_scores
${rfmScoresSql()}
\`\`\`

Each buyer's segment under the chosen map. It is kept as a view over the scores: a map only
relabels (R, F) pairs, so choosing another one re-ranks nobody.

${sqlViewCell('rfm_buyers', rfmBuyersSql({ map }))}

Per segment of the chosen map: buyers and their share, average and total spend, share of all
buyers' spend, average recency (days) and frequency (purchase sessions).

\`\`\`sql name=rfm_segments
${rfmSegmentSummarySql({ map })}
\`\`\`

\`\`\`chart name=rfm_segments_chart
${json({
	data: 'rfm_segments',
	title: 'Buyers per segment',
	height: 300,
	marginLeft: 130,
	x: { label: 'buyers', grid: true, ticks: 6 },
	y: { label: null },
	marks: [{ type: 'barX', x: 'users', y: 'segment', sort: { y: '-x' }, tip: true }, { type: 'ruleX', x: 0 }]
})}
\`\`\`

**At-risk value**: the total spend of the buyers who bought often (F 3–5) but not lately
(R 1–2): revenue a win-back campaign would try to keep. It is the same number under both maps.
Under the ten segments these buyers are *At risk* (F 3–4) and *Can't lose them* (F 5), shown
as the two parts; under the six they are all *Can't lose them*, and the *At risk* part is empty
(null: that map has no such segment).

\`\`\`sql name=rfm_at_risk
${rfmAtRiskSql({ map })}
\`\`\`

### R, F and M together

Each square is one (R, F) cell, labelled with its number of buyers and coloured by their mean
M score. Recent frequent buyers sit top right, lapsed one-session buyers bottom left.

\`\`\`sql name=rfm_grid
${rfmGridSql()}
\`\`\`

\`\`\`chart name=rfm_grid_chart
${json({
	data: 'rfm_grid',
	title: 'Buyers per R × F cell, coloured by their mean M score',
	height: 300,
	marginLeft: 50,
	x: { label: 'R score (5 = bought most recently)' },
	y: { label: 'F score (5 = most purchase sessions)', reverse: true },
	color: { label: 'mean M score', scheme: 'viridis', domain: [1, 5], legend: true },
	marks: [
		{ type: 'cell', x: 'r', y: 'f', fill: 'avg_m', inset: 0.5, tip: true },
		{ type: 'text', x: 'r', y: 'f', text: 'users', fontSize: 11, stroke: 'white', fill: 'black' }
	]
})}
\`\`\`

### Buyers of one segment

The buyers of the chosen segment, highest spend first, ready to export. The list offers both
maps' segments; one that is not in the chosen map gives an error naming the map's segments.

\`\`\`input name=rfm_segment
${json({ type: 'select', value: DEFAULT_SEGMENT, options: RFM_SEGMENT_NAMES, label: 'Segment' })}
\`\`\`

\`\`\`sql name=rfm_segment_users
${rfmSegmentUsersSql({ segment: '$rfm_segment', buyers: 'rfm_buyers', map })}
\`\`\`
`;
}
