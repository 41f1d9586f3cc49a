import { qualified, quoteIdent, quoteString } from '../data/sql';
import { EVENT_COLUMNS } from './event-columns';
import { eventPartitionsTableSql, eventsViewSql } from './event-partitions';
import { eventsColumnsDdl, eventsLayoutText } from './events-layout';
import { DEFAULT_SCHEMA, EVENT_KIND_TYPE, EVENT_KINDS, storeTable } from './store-tables';

/**
 * Creates what appends write to, if missing: the schema, the event_type ENUM, `events`,
 * `session_dict` and `events_rejected`. Fails with a clear error when an `events` table of
 * another layout is in the way (e.g. raw CSV loaded as is) instead of appending into it.
 * `eventsTable: false` (events split over partitions): the list of partitions and an `events`
 * view over none yet, in place of the table.
 */
export function prepareStoreSql(schema: string = DEFAULT_SCHEMA, options: { eventsTable?: boolean } = {}): string {
	const kind = qualified(schema, EVENT_KIND_TYPE);
	const raw = EVENT_COLUMNS.map(([name, type]) => `${quoteIdent(name)} ${type}`).join(', ');
	const expected = eventsLayoutText();
	const found = `string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index)`;
	return [
		`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`,
		`CREATE TYPE IF NOT EXISTS ${kind} AS ENUM (${EVENT_KINDS.map(quoteString).join(', ')})`,
		`SELECT CASE WHEN count(*) > 0 AND ${found} <> ${quoteString(expected)} THEN error(${quoteString(
			`table ${schema}.events exists with another layout; expected (${expected}), found (`
		)} || ${found} || '); drop it or use another schema') END
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = ${quoteString(schema)} AND table_name = 'events'`,
		...(options.eventsTable === false
			? [eventPartitionsTableSql(schema), eventsViewSql([], schema, true)]
			: [`CREATE TABLE IF NOT EXISTS ${storeTable(schema, 'events')} (${eventsColumnsDdl(kind)})`]),
		`CREATE TABLE IF NOT EXISTS ${storeTable(schema, 'session_dict')} ("session_id" INTEGER, "user_session" VARCHAR)`,
		`CREATE TABLE IF NOT EXISTS ${storeTable(schema, 'events_rejected')} (${raw}, "reason" VARCHAR)`
	].join(';\n');
}
