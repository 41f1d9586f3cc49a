import { ACTIVITY_COLUMNS, column, factTableSteps, hashPart, IS_PURCHASE, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

/** The category whose share of a user's events is a model feature (the data set's largest). */
export const PHONE_CATEGORY = 'electronics.smartphone';

// One row per user_id and UTC calendar day with an event: the per-user features of any window
// of whole days are sums and maxima over these rows, so a model's feature cells never scan the
// raw events. Distinct categories and brands over a window cannot be summed from per-day
// counts, so each day keeps its distinct values; brands as 64-bit hashes, a fraction of the
// strings' size, enough to count them. Sorted, so a rebuild in other passes gives equal rows.
export const USER_DAY_COLUMNS = [
	column('user_id', 'INTEGER', 'user_id'),
	column('day', 'DATE', 'CAST(event_time AS DATE)'),
	column('first_time', 'TIMESTAMP', 'min(event_time)'),
	column('last_time', 'TIMESTAMP', 'max(event_time)'),
	...ACTIVITY_COLUMNS,
	column('last_purchase', 'TIMESTAMP', `max(event_time) FILTER (WHERE ${IS_PURCHASE})`),
	// Sum of the prices of viewed items, for a window's average viewed price.
	column('viewed_price_sum', 'DOUBLE', `coalesce(sum(price) FILTER (WHERE event_type = 'view'), 0)`),
	column('phone_events', 'INTEGER', `count(*) FILTER (WHERE category_code = '${PHONE_CATEGORY}')`),
	column('categories', 'BIGINT[]', 'list_sort(coalesce(list(DISTINCT category_id) FILTER (WHERE category_id IS NOT NULL), []))'),
	column('brand_hashes', 'UBIGINT[]', 'list_sort(coalesce(list(DISTINCT hash(brand)) FILTER (WHERE brand IS NOT NULL), []))')
];

/** Passes over hash partitions of user_id, as for `users`: a pass holds its users' days. */
export function userDaysSteps({ schema, partitions: n }: FactContext): StoreStep[] {
	return factTableSteps({
		schema,
		table: 'user_days',
		columns: USER_DAY_COLUMNS,
		passes: n,
		body: (k) => `FROM ${storeTable(schema, 'events')}\nWHERE ${hashPart('user_id', k, n)}\nGROUP BY user_id, day\nORDER BY user_id, day`
	});
}
