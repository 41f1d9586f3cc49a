import { ACTIVITY_COLUMNS, column, factTableSteps, IS_PURCHASE, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

// One row per UTC hour with events, for hour-of-day and weekday patterns at any whole-hour
// time-zone offset. Counts include exact duplicates.
export const HOURLY_COLUMNS = [
	column('hour', 'TIMESTAMP', `date_trunc('hour', event_time)`),
	...ACTIVITY_COLUMNS,
	// Distinct users, sessions and buying users with an event in the hour.
	column('users', 'INTEGER', 'count(DISTINCT user_id)'),
	column('sessions', 'INTEGER', 'count(DISTINCT session_id)'),
	column('buyers', 'INTEGER', `count(DISTINCT user_id) FILTER (WHERE ${IS_PURCHASE})`)
];

export function hourlySteps({ schema, windows }: FactContext): StoreStep[] {
	return factTableSteps({
		schema,
		table: 'hourly',
		columns: HOURLY_COLUMNS,
		passes: windows.length,
		body: (k) => `FROM ${storeTable(schema, 'events')}\nWHERE ${windows[k]}\nGROUP BY ALL\nORDER BY hour`
	});
}
