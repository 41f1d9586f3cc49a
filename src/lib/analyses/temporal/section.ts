import { categoryBreadthSql } from './category-breadth-sql';
import { paydaySql } from './payday-sql';
import { purchasesByHourSql } from './purchases-by-hour-sql';
import { temporalHeatmapSql } from './temporal-heatmap-sql';
import { TZ_OFFSET_MAX, TZ_OFFSET_MIN } from './tz-offset';

const TZ = '$tz_offset_hours';

const json = (value: unknown) => JSON.stringify(value, null, 2);

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const heatmap = (title: string, fill: string, label: string, scheme: string) =>
	json({
		data: 'temporal_heatmap',
		title,
		height: 250,
		marginLeft: 45,
		x: { label: 'hour of day (local time)' },
		y: { label: null, domain: WEEKDAYS },
		color: { label, scheme, legend: true },
		marks: [{ type: 'cell', x: 'hour', y: 'day_name', fill, inset: 0.5, tip: true }]
	});

/** Section 5 of the Customer Intelligence notebook: when people browse and buy. */
export function temporalSection(): string {
	return `## 5. Temporal patterns

When do people browse, and when do they buy? Every chart here reads the \`hourly\` fact table
(one row per UTC hour) and shifts it to local time by the offset below. Only whole hours are
accepted (UTC${TZ_OFFSET_MIN} to UTC+${TZ_OFFSET_MAX}): shifting whole UTC hours is exact, while a half-hour zone such as
India's would split every hour in two and the table cannot do that.

\`\`\`input name=tz_offset_hours
${json({ type: 'number', value: 0, min: TZ_OFFSET_MIN, max: TZ_OFFSET_MAX, step: 1, label: 'Time-zone offset from UTC (whole hours)' })}
\`\`\`

Definitions, per weekday × local hour of day:
- **events per day**: events in that hour slot divided by the number of calendar days of that
  weekday between the first and the last local day of the data (there are 9 Tuesdays in Oct–Nov 2019
  but only 8 Sundays).
- **purchase conversion**: buying user-hours / active user-hours, i.e. of the users with an
  event in a given clock hour, the share who bought in that same hour, pooled over all days.

\`\`\`sql name=temporal_heatmap
${temporalHeatmapSql({ tzOffsetHours: TZ })}
\`\`\`

\`\`\`chart name=temporal_events_chart
${heatmap('Events per day, by weekday and local hour', 'events_per_day', 'events per day', 'blues')}
\`\`\`

\`\`\`chart name=temporal_conversion_chart
${heatmap('Purchase conversion, by weekday and local hour', 'conversion_pct', 'purchase conversion (%)', 'greens')}
\`\`\`

### Purchases by hour

Purchases per local hour of day, their share of all purchases, revenue (sum of purchase prices)
and the same purchase conversion, over all days.

\`\`\`sql name=temporal_by_hour
${purchasesByHourSql({ tzOffsetHours: TZ })}
\`\`\`

\`\`\`chart name=temporal_by_hour_chart
${json({
	data: 'temporal_by_hour',
	title: 'Purchases by local hour of day',
	height: 220,
	x: { label: 'hour of day (local time)' },
	y: { label: 'purchases', grid: true },
	marks: [{ type: 'barY', x: 'hour', y: 'purchases', tip: true }, { type: 'ruleY', y: 0 }]
})}
\`\`\`

### Paydays

A **payday** is the 1st, the 15th or the last day of a month (UTC calendar days); every other
day is an **other day**. Figures are averages per calendar day from the first to the last day
of the data (a day without events counts as zero); buyer conversion is buyers / active users,
pooled over the days of the group; \`revenue_vs_other_days\` is the group's average daily
revenue divided by that of other days (1.10 = paydays sell 10% more).

\`\`\`sql name=temporal_payday
${paydaySql()}
\`\`\`

### October vs November: focused or exploring sessions

Per month of session start (UTC), the share of sessions whose events touch **one category**
versus **several categories** (\`sessions.n_categories\`, distinct category_id). Sessions whose
events all lack a category are shown as **no category**.

\`\`\`sql name=temporal_category_breadth
${categoryBreadthSql()}
\`\`\`

\`\`\`chart name=temporal_category_breadth_chart
${json({
	data: 'temporal_category_breadth',
	title: 'Sessions touching one category or several, by month',
	height: 140,
	marginLeft: 70,
	x: { label: 'share of sessions (%)', domain: [0, 100] },
	y: { label: null, type: 'band', tickFormat: '%b %Y' },
	color: { legend: true, domain: ['one category', 'several categories', 'no category'] },
	marks: [{ type: 'barX', x: 'share_pct', y: 'month', fill: 'breadth', tip: true }]
})}
\`\`\`
`;
}
