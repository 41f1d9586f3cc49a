import { column, countOf, factTableSteps, hashPart, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

const WEEK = `CAST(date_trunc('week', event_time) AS DATE)`;

// One row per user_id and ISO week (starting Monday, UTC) in which the user has an event, for
// cohort retention. `sessions` cannot answer it exactly: it keeps only a session's first user
// and its first and last times, and a session can run over a Monday midnight.
export const USER_WEEK_COLUMNS = [
	column('user_id', 'INTEGER', 'user_id'),
	column('week', 'DATE', WEEK),
	// The week of the user's first event (the cohort), on every row of the user, so retention
	// is one GROUP BY over this table instead of a join with `users`.
	column('first_week', 'DATE', `min(${WEEK}) OVER (PARTITION BY user_id)`),
	column('events', 'INTEGER', 'count(*)'),
	column('purchases', 'INTEGER', countOf('purchase'))
];

/** Passes over hash partitions of user_id: all of a user's weeks are in one pass. */
export function userWeeksSteps({ schema, partitions: n }: FactContext): StoreStep[] {
	return factTableSteps({
		schema,
		table: 'user_weeks',
		columns: USER_WEEK_COLUMNS,
		passes: n,
		body: (k) => `FROM ${storeTable(schema, 'events')}\nWHERE ${hashPart('user_id', k, n)}\nGROUP BY user_id, week\nORDER BY user_id, week`
	});
}
