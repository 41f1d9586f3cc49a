import { DEFAULT_SCHEMA, storeTable } from './store-tables';

/** The `YYYY-MM` months present in `events`, ascending: the `months` of buildStorePlan. */
export function eventMonthsSql(schema: string = DEFAULT_SCHEMA): string {
	return `SELECT strftime(month, '%Y-%m') AS month
FROM (SELECT DISTINCT date_trunc('month', event_time) AS month FROM ${storeTable(schema, 'events')} WHERE event_time IS NOT NULL)
ORDER BY month`;
}
