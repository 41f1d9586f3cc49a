import { quoteString } from '../../data/sql';

/**
 * A named audience: who is in it (a condition on a user's row as of the test cut: `rfm_segment`,
 * `peer_decile`, `days_since_last_event`) and what to do with it. `peer_decile` is the user's
 * score decile among users like them (1 = their top 10%): buyers before the cut among buyers,
 * the others among the others. The model's own deciles are over every user, most of whom never
 * bought, so nearly every buyer sits in its top three: no split of buyers by them.
 * `withoutModel` is the condition used when no propensity scores exist: recency and frequency
 * only (the segments are made of R and F). A user joins the first audience that takes them.
 */
export interface Audience {
	name: string;
	action: string;
	withModel: string;
	withoutModel: string;
}

const AT_RISK = `rfm_segment IN ('At risk', 'Can''t lose them')`;
const NEWER = `rfm_segment IN ('New customers', 'Promising', 'Need attention', 'About to sleep')`;

export const AUDIENCES: readonly Audience[] = [
	{
		name: 'At risk, likely to return',
		action: 'win-back offer: they bought often, not lately, and the model expects them back',
		withModel: `${AT_RISK} AND peer_decile <= 3`,
		withoutModel: AT_RISK
	},
	{
		name: 'At risk, unlikely to return',
		action: 'low-cost reminder only: test any discount first (the lab)',
		withModel: `${AT_RISK} AND peer_decile > 3`,
		withoutModel: 'false'
	},
	{
		name: 'Champions',
		action: 'cross-sell the top also-bought partners of what they buy',
		withModel: `rfm_segment = 'Champions'`,
		withoutModel: `rfm_segment = 'Champions'`
	},
	{
		name: 'Loyal',
		action: 'loyalty programme or subscription',
		withModel: `rfm_segment IN ('Loyal customers', 'Potential loyalists')`,
		withoutModel: `rfm_segment IN ('Loyal customers', 'Potential loyalists')`
	},
	{
		name: 'New and promising, likely to buy',
		action: 'second-purchase nudge',
		withModel: `${NEWER} AND peer_decile <= 3`,
		withoutModel: `${NEWER} AND days_since_last_event <= 7`
	},
	{
		name: 'Browsers likely to buy',
		action: 'first-purchase reminder of what they viewed or carted',
		withModel: `rfm_segment = 'No purchase yet' AND peer_decile = 1`,
		withoutModel: `rfm_segment = 'No purchase yet' AND days_since_last_event <= 1`
	},
	{
		name: 'Hibernating',
		action: 'cheap email drip; no paid contact',
		withModel: `rfm_segment = 'Hibernating'`,
		withoutModel: `rfm_segment = 'Hibernating'`
	}
];

/** The SQL CASE naming each user's audience (NULL: in none). */
export function audienceCaseSql(withModel: boolean): string {
	const when = AUDIENCES.map((a) => `    WHEN ${withModel ? a.withModel : a.withoutModel} THEN ${quoteString(a.name)}`);
	return `CASE\n${when.join('\n')}\n  END`;
}

/** `(name, action, position)` rows of every audience, for VALUES. */
export const AUDIENCE_ROWS = AUDIENCES.map((a, i) => `(${quoteString(a.name)}, ${quoteString(a.action)}, ${i + 1})`).join(',\n    ');
