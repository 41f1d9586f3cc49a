import { column, countOf, factTableSteps, hashPart, IS_PURCHASE, REVENUE, type FactColumn, type FactContext } from './fact-table';
import { inMonthSql } from './month-windows';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

// One row per user_id of `events` (rows without a user are left out).
export const USER_COLUMNS = [
	column('user_id', 'INTEGER', 'user_id'),
	column('first_seen', 'TIMESTAMP', 'min(event_time)'),
	column('last_seen', 'TIMESTAMP', 'max(event_time)'),
	// Distinct sessions with an event of the user.
	column('sessions', 'INTEGER', 'count(DISTINCT session_id)'),
	column('events', 'INTEGER', 'count(*)'),
	column('views', 'INTEGER', countOf('view')),
	column('carts', 'INTEGER', countOf('cart')),
	column('removes', 'INTEGER', countOf('remove_from_cart')),
	// Purchase rows (items bought, duplicates included).
	column('purchases', 'INTEGER', countOf('purchase')),
	// Distinct sessions in which the user bought something.
	column('orders', 'INTEGER', `count(DISTINCT session_id) FILTER (WHERE ${IS_PURCHASE})`),
	column('revenue', 'DECIMAL(18,2)', REVENUE),
	column('first_purchase', 'TIMESTAMP', `min(event_time) FILTER (WHERE ${IS_PURCHASE})`),
	column('last_purchase', 'TIMESTAMP', `max(event_time) FILTER (WHERE ${IS_PURCHASE})`),
	// Distinct UTC calendar days with an event.
	column('active_days', 'INTEGER', 'count(DISTINCT CAST(event_time AS DATE))')
];

/** `active_2019_10`: whether the user has any event in that month. */
export function activeMonthColumn(month: string): FactColumn {
	return column(`active_${month.replace('-', '_')}`, 'BOOLEAN', `count(*) FILTER (WHERE ${inMonthSql(month)}) > 0`);
}

/** Passes over hash partitions of user_id: each user's rows are in exactly one pass. */
export function usersSteps({ schema, partitions: n, months }: FactContext): StoreStep[] {
	return factTableSteps({
		schema,
		table: 'users',
		columns: [...USER_COLUMNS, ...months.map(activeMonthColumn)],
		passes: n,
		body: (k) => `FROM ${storeTable(schema, 'events')}\nWHERE ${hashPart('user_id', k, n)}\nGROUP BY user_id\nORDER BY user_id`
	});
}
