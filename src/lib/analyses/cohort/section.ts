import { cohortCurveSql } from './cohort-curve-sql';
import { cohortOneSessionSql } from './cohort-one-session-sql';
import { COHORT_WEEKS, cohortRetentionSql } from './cohort-retention-sql';

const json = (value: unknown) => JSON.stringify(value, null, 2);

// Week 0 is 100% by definition; a square-root colour scale keeps later weeks' few percent apart.
const heatmap = (title: string, fill: string, label: string, scheme: string, type: 'sqrt' | 'linear') =>
	json({
		data: 'cohort_retention',
		title,
		height: 320,
		marginLeft: 70,
		x: { label: 'weeks after the cohort week' },
		y: { label: null, type: 'band', tickFormat: '%b %d' },
		color: { label, scheme, type, legend: true },
		marks: [
			{ type: 'cell', x: 'week_number', y: 'cohort_week', fill, inset: 0.5, tip: true },
			{ type: 'text', x: 'week_number', y: 'cohort_week', text: fill, fontSize: 10, stroke: 'white', fill: 'black' }
		]
	});

/** Section 7 of the Customer Intelligence notebook: do new users come back, and do they buy? */
export function cohortSection(): string {
	return `## 7. Cohort retention

A user's **cohort** is the ISO week (starting Monday, UTC) of their first event. For weeks
0 to ${COHORT_WEEKS} after it, **retention** is the share of the cohort with any event in that week,
and **purchase retention** the share with a purchase in that week (week 0 is the first week
itself, so its retention is 100%). Weeks that start after the last week of the data are left
blank, not counted as 0%; the last week may be partly observed. Everything reads the
\`user_weeks\` fact table (one row per user and week with an event).

\`\`\`sql name=cohort_retention
${cohortRetentionSql()}
\`\`\`

\`\`\`chart name=cohort_active_chart
${heatmap('Cohort (week of first event) × week: users with any event', 'active_pct', 'users with any event (%)', 'blues', 'sqrt')}
\`\`\`

\`\`\`chart name=cohort_purchase_chart
${heatmap('Cohort (week of first event) × week: users with a purchase', 'buyer_pct', 'users with a purchase (%)', 'oranges', 'linear')}
\`\`\`

### Average retention curve

Week n over all cohorts that reach week n, weighted by cohort size: retained users / users in
those cohorts. Week 1 of \`any event\` is the headline week-1 retention.

\`\`\`sql name=cohort_curve
${cohortCurveSql()}
\`\`\`

\`\`\`chart name=cohort_curve_chart
${json({
	data: 'cohort_curve',
	title: 'Retention by week after the cohort week, all cohorts',
	height: 240,
	x: { label: 'weeks after the cohort week', ticks: COHORT_WEEKS },
	y: { label: 'retained users (%)', grid: true, zero: true },
	color: { legend: true },
	marks: [
		{ type: 'lineY', x: 'week_number', y: 'retained_pct', stroke: 'activity' },
		{ type: 'dot', x: 'week_number', y: 'retained_pct', fill: 'activity', tip: true }
	]
})}
\`\`\`

### Users who never return

A user **never returns** when they have exactly one session (\`users.sessions = 1\`). Per
cohort, and for all users in the last row.

\`\`\`sql name=cohort_one_session
${cohortOneSessionSql()}
\`\`\`
`;
}
