import { quoteIdent, quoteString } from '../data/sql';
import { EVENTS_LAYOUT } from './events-layout';
import { column, factTableSteps, IS_PURCHASE, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable, type EventKind } from './store-tables';

// One row per UTC day with events. Built over distinct rows with their `copies`, so the plain
// counts include exact duplicates (rows equal in every column) and the *_dedup ones do not.
const copiesOf = (kind: EventKind) => `coalesce(sum(copies) FILTER (WHERE event_type = ${quoteString(kind)}), 0)`;

export const DAILY_COLUMNS = [
	column('day', 'DATE', 'CAST(event_time AS DATE)'),
	column('events', 'INTEGER', 'sum(copies)'),
	column('views', 'INTEGER', copiesOf('view')),
	column('carts', 'INTEGER', copiesOf('cart')),
	column('removes', 'INTEGER', copiesOf('remove_from_cart')),
	column('purchases', 'INTEGER', copiesOf('purchase')),
	// Distinct users with an event that day (DAU).
	column('users', 'INTEGER', 'count(DISTINCT user_id)'),
	// Distinct sessions with an event that day (a session over midnight counts on both days).
	column('sessions', 'INTEGER', 'count(DISTINCT session_id)'),
	// Distinct users with a purchase that day.
	column('buyers', 'INTEGER', `count(DISTINCT user_id) FILTER (WHERE ${IS_PURCHASE})`),
	// Sum of purchase prices.
	column('revenue', 'DECIMAL(18,2)', `coalesce(sum(price * copies) FILTER (WHERE ${IS_PURCHASE}), 0)`),
	// Rows that repeat an earlier row exactly.
	column('duplicate_rows', 'INTEGER', 'sum(copies) - count(*)'),
	column('purchases_dedup', 'INTEGER', `count(*) FILTER (WHERE ${IS_PURCHASE})`),
	column('revenue_dedup', 'DECIMAL(18,2)', `coalesce(sum(price) FILTER (WHERE ${IS_PURCHASE}), 0)`)
];

/** Passes over windows of whole days; the distinct-row table of one window must fit. */
export function dailySteps({ schema, windows }: FactContext): StoreStep[] {
	const all = EVENTS_LAYOUT.map(([name]) => quoteIdent(name)).join(', ');
	return factTableSteps({
		schema,
		table: 'daily',
		columns: DAILY_COLUMNS,
		passes: windows.length,
		body: (k) =>
			`FROM (SELECT ${all}, count(*) AS copies FROM ${storeTable(schema, 'events')} WHERE ${windows[k]} GROUP BY ALL)\nGROUP BY ALL\nORDER BY day`
	});
}
