import { quoteString } from '../data/sql';
import { EVENTS_LAYOUT } from './events-layout';
import { column, factTableSteps, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { EVENT_KIND_TYPE, storeTable } from './store-tables';

type EventColumn = (typeof EVENTS_LAYOUT)[number][0];

// One row per column of events, in their order: what the explorer's column profile shows,
// counted once at build so that no run of the notebook scans events for it (20.2 s in the
// browser at 109.9M rows, most of a run of every cell). Where each figure comes from:
//   product_id, user_id, session_id: products, users and sessions hold one row per non-NULL
//     value with its rows (`events`), so their rows are the distinct values, sum(events) the
//     non-NULL rows and the key's min and max the range, exactly, without reading events;
//   event_type, price: price_counts (rows per pair), exactly;
//   event_time: one ungrouped pass over events (count, min, max to the second); its distinct
//     values run to millions, so it counts UTC days instead (rows of daily);
//   category_id, category_code, brand: one pass over events grouped by each of them (GROUPING
//     SETS: three hash tables of thousands of values at most). Each grouped row holds NULL in
//     the other two columns, so count(), min() and max() of a column over all grouped rows see
//     only its own set. Measured in DuckDB-WASM (Node) on 11M generated events: the whole step
//     takes 1.6 s, where count, min, max and count(DISTINCT) over every row of these columns and
//     event_time took 3.3 s (string min() and max() over every row cost about as much as the
//     distinct counts).
// A store built from appended batches gets the table from the build that follows them, as every
// fact table does.

/** How each column's distinct values are counted, as the explorer states it. */
const COUNTED: Record<EventColumn, string> = {
	event_time: 'UTC days (rows of daily)',
	event_type: 'exact',
	product_id: 'rows of products',
	category_id: 'exact',
	category_code: 'exact',
	brand: 'exact',
	price: 'exact',
	user_id: 'rows of users',
	session_id: 'rows of sessions (one per user_session)'
};

const LABELS = ['category_id', 'category_code', 'brand'] as const;

export const COLUMN_STAT_COLUMNS = [
	// 1-based position in events.
	column('column_index', 'INTEGER', 'c.column_index'),
	column('column_name', 'VARCHAR', 'c.column_name'),
	// As declared in events; event_type's ENUM type is shown as ENUM.
	column('type', 'VARCHAR', 'c.type'),
	// Rows of events, NULLs included.
	column('events', 'BIGINT', 'n'),
	column('non_null', 'BIGINT', 'c.non_null'),
	column('nulls', 'BIGINT', 'n - c.non_null'),
	column('distinct_values', 'BIGINT', 'c.distinct_values'),
	column('distinct_counted', 'VARCHAR', 'c.distinct_counted'),
	// Lowest and highest non-NULL value as text (NULL when there is none).
	column('min_value', 'VARCHAR', 'c.min_value'),
	column('max_value', 'VARCHAR', 'c.max_value')
];

/** `<key>_n`, `_d`, `_min`, `_max` of a fact table with one row per non-NULL key and its rows. */
function keyed(schema: string, table: 'products' | 'users' | 'sessions', key: EventColumn): string {
	return `SELECT coalesce(sum(events), 0) AS ${key}_n, count(*) AS ${key}_d, min(${key}) AS ${key}_min, max(${key}) AS ${key}_max
	FROM ${storeTable(schema, table)}`;
}

export function columnStatsSteps({ schema }: Pick<FactContext, 'schema'>): StoreStep[] {
	const events = storeTable(schema, 'events');
	const priced = (col: 'event_type' | 'price') =>
		`coalesce(sum(events) FILTER (WHERE ${col} IS NOT NULL), 0) AS ${col}_n, count(DISTINCT ${col}) AS ${col}_d, min(${col}) AS ${col}_min, max(${col}) AS ${col}_max`;
	const labelled = (col: string) =>
		`coalesce(sum(events) FILTER (WHERE ${col} IS NOT NULL), 0) AS ${col}_n, count(${col}) AS ${col}_d, min(${col}) AS ${col}_min, max(${col}) AS ${col}_max`;
	const structs = EVENTS_LAYOUT.map(
		([name, type], i) => `{column_index: ${i + 1}, column_name: ${quoteString(name)}, type: ${quoteString(type === EVENT_KIND_TYPE ? 'ENUM' : type)},
		non_null: ${name}_n::BIGINT, distinct_values: ${name}_d::BIGINT, distinct_counted: ${quoteString(COUNTED[name])},
		min_value: ${name}_min::VARCHAR, max_value: ${name}_max::VARCHAR}`
	);
	return factTableSteps({
		schema,
		table: 'column_stats',
		columns: COLUMN_STAT_COLUMNS,
		passes: 1,
		with: () => `scanned AS (
	SELECT count(*) AS n, count(event_time) AS event_time_n, min(event_time) AS event_time_min, max(event_time) AS event_time_max,
		(SELECT count(*) FROM ${storeTable(schema, 'daily')}) AS event_time_d
	FROM ${events}
),
grouped AS (
	SELECT ${LABELS.join(', ')}, count(*) AS events
	FROM ${events}
	GROUP BY GROUPING SETS (${LABELS.map((l) => `(${l})`).join(', ')})
),
labels AS (
	SELECT ${LABELS.map(labelled).join(',\n\t\t')}
	FROM grouped
),
priced AS (
	SELECT ${priced('event_type')},\n\t\t${priced('price')}
	FROM ${storeTable(schema, 'price_counts')}
),
product_keys AS (${keyed(schema, 'products', 'product_id')}),
user_keys AS (${keyed(schema, 'users', 'user_id')}),
session_keys AS (${keyed(schema, 'sessions', 'session_id')}),
cols AS (
	SELECT n, unnest([
		${structs.join(',\n\t\t')}
	]) AS c
	FROM scanned, labels, priced, product_keys, user_keys, session_keys
)`,
		body: () => `FROM cols\nORDER BY c.column_index`
	});
}
