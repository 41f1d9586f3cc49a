// `events` split over companion databases. DuckDB-WASM 1.32 reads an OPFS database file past
// 4 GiB back wrong (database-size-limit.ts), and 109.9M events with their fact tables take
// about 5 GiB. So each partition of events is its own database file, attached as catalog
// `cin_events_<n>`, and `main.events` is a view over all of them: queries, fact builds and
// the notebook read it as one table. `main.event_partitions` lists the partitions in order;
// whoever opens the database attaches them (attachEventPartitions) before reading `events`.
import { quoteIdent, quoteString } from '../data/sql';
import type { StoreClient } from '../data/companion-databases';
import type { QueryOptions, SqlClient } from '../data/sql-client';
import { EVENT_KIND_ENUM, eventsColumnsDdl, eventsColumnTypes } from './events-layout';
import { DEFAULT_SCHEMA, storeTable } from './store-tables';

/** Events a partition holds at most: about 1 GiB of compact events, far below the limit. */
export const ROWS_PER_PARTITION = 40_000_000;

/** Catalog (and file suffix) of the companion database an ingest stages raw rows in. */
export const STAGING_DATABASE = 'cin_staging';

const PREFIX = 'cin_events_';

/** Catalog name of partition `n` (1-based). */
export function partitionName(n: number): string {
	if (!Number.isSafeInteger(n) || n < 1) throw new Error(`invalid partition number: ${n}`);
	return `${PREFIX}${n}`;
}

/** The `events` table inside partition catalog `name`. */
export function partitionTable(name: string): string {
	return `${quoteIdent(name)}.main.events`;
}

/** The list of partitions, kept in the main database. */
export function eventPartitionsTableSql(schema: string = DEFAULT_SCHEMA): string {
	return `CREATE TABLE IF NOT EXISTS ${storeTable(schema, 'event_partitions')} (name VARCHAR, source VARCHAR)`;
}

/**
 * Creates partition `name` (already attached): its `events` table, its row in
 * event_partitions, and `events` redefined over every partition. The ENUM is spelled inline:
 * a table cannot use a type of another catalog, and equal inline ENUMs union as one type.
 */
export function addPartitionSql(name: string, partitions: readonly string[], source: string, schema: string = DEFAULT_SCHEMA): string {
	return `CREATE TABLE ${partitionTable(name)} (${eventsColumnsDdl(EVENT_KIND_ENUM)});
INSERT INTO ${storeTable(schema, 'event_partitions')} VALUES (${quoteString(name)}, ${quoteString(source)});
${eventsViewSql([...partitions, name], schema)}`;
}

/** `events` as the union of the partitions, in order; no partition: an empty relation of the
 *  same layout. `keep`: leave an existing `events` as it is. */
export function eventsViewSql(partitions: readonly string[], schema: string = DEFAULT_SCHEMA, keep = false): string {
	const body = partitions.length
		? partitions.map((p) => `SELECT * FROM ${partitionTable(p)}`).join('\nUNION ALL ')
		: `SELECT ${eventsColumnTypes(EVENT_KIND_ENUM).map(([column, type]) => `CAST(NULL AS ${type}) AS ${quoteIdent(column)}`).join(', ')} WHERE false`;
	const view = storeTable(schema, 'events');
	return `${keep ? `CREATE VIEW IF NOT EXISTS ${view}` : `CREATE OR REPLACE VIEW ${view}`} AS ${body}`;
}

/** The partitions listed in the database, in order; none when it has no list (a store built
 *  before partitions, whose `events` is a table). */
export async function readEventPartitions(client: SqlClient, options: QueryOptions = {}, schema: string = DEFAULT_SCHEMA): Promise<string[]> {
	const listed = await client.query(
		`SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ${quoteString(schema)} AND table_name = 'event_partitions'`,
		options
	);
	if (Number(listed.rows[0][0]) === 0) return [];
	const { rows } = await client.query(`SELECT name FROM ${storeTable(schema, 'event_partitions')} ORDER BY rowid`, options);
	return rows.map((r) => String(r[0]));
}

/** Attaches every partition of the database: needed before anything reads `events`. */
export async function attachEventPartitions(client: StoreClient, schema: string = DEFAULT_SCHEMA): Promise<string[]> {
	const partitions = await readEventPartitions(client, {}, schema);
	for (const name of partitions) await client.attach(name);
	return partitions;
}
