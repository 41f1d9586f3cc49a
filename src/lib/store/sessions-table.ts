import { ACTIVITY_COLUMNS, column, countOf, factTableSteps, firstOf, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

// One row per session_id of `events` (rows without a session are left out).
// Counts are rows, exact duplicates included, as in every fact table but `daily`'s *_dedup.
export const SESSION_COLUMNS = [
	column('session_id', 'INTEGER', 'session_id'),
	// The user of the session's first event (smallest user_id on a tie).
	column('user_id', 'INTEGER', firstOf('user_id')),
	// Distinct users in the session: 1 unless the log shares a session between users.
	column('n_users', 'INTEGER', 'count(DISTINCT user_id)'),
	column('start_time', 'TIMESTAMP', 'min(event_time)'),
	column('end_time', 'TIMESTAMP', 'max(event_time)'),
	...ACTIVITY_COLUMNS,
	column('n_products', 'INTEGER', 'count(DISTINCT product_id)'),
	column('n_categories', 'INTEGER', 'count(DISTINCT category_id)'),
	column('has_cart', 'BOOLEAN', `${countOf('cart')} > 0`),
	column('has_purchase', 'BOOLEAN', `${countOf('purchase')} > 0`),
	// category_code of the earliest event that has one (smallest code on a tie), else NULL.
	column('first_category_code', 'VARCHAR', firstOf('category_code'))
];

const MAX = `getvariable('store_sessions')`;

/**
 * Passes over ranges of session_id. Ids are dense and given in order of first event, and
 * events are time-sorted, so each range mostly lives in its own row groups (zone maps skip
 * the rest); a session's events are never split between passes.
 */
export function sessionsSteps({ schema, partitions: n }: FactContext): StoreStep[] {
	const range = (k: number) =>
		n === 1 ? 'session_id IS NOT NULL' : `session_id > ${MAX} * ${k} // ${n} AND session_id <= ${MAX} * ${k + 1} // ${n}`;
	return factTableSteps({
		schema,
		table: 'sessions',
		columns: SESSION_COLUMNS,
		passes: n,
		prelude: () =>
			n === 1 ? '' : `SET VARIABLE store_sessions = (SELECT coalesce(max(session_id), 0) FROM ${storeTable(schema, 'session_dict')});\n`,
		body: (k) => `FROM ${storeTable(schema, 'events')}\nWHERE ${range(k)}\nGROUP BY session_id\nORDER BY session_id`
	});
}
