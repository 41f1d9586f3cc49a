import { qualified, quoteString } from '../data/sql';
import { partitionTable } from './event-partitions';
import { DEFAULT_SCHEMA, STORE_TABLES } from './store-tables';

// Segment sizes are not reported by DuckDB; they are inferred from where segments start:
// a segment runs to the next one in its block. The last segment of a block has no successor,
// so it is sized at the column's measured bytes per row, bounded by its uncompressed size and
// by the rest of the block. Segments of tables not named are unseen and widen the gaps, so
// name every table of the database for the closest estimate.
const UNCOMPRESSED = `CASE
		WHEN segment_type = 'VALIDITY' THEN (count + 7) // 8
		WHEN segment_type IN ('BOOLEAN', 'TINYINT', 'UTINYINT') THEN count
		WHEN segment_type IN ('SMALLINT', 'USMALLINT') THEN 2 * count
		WHEN segment_type IN ('INTEGER', 'UINTEGER', 'DATE', 'FLOAT') OR segment_type LIKE 'ENUM(%' THEN 4 * count
		WHEN segment_type IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'TIME') OR segment_type LIKE 'TIMESTAMP%' THEN 8 * count
		WHEN segment_type LIKE 'DECIMAL(%' THEN count * CASE
			WHEN regexp_extract(segment_type, 'DECIMAL\\((\\d+)', 1)::INTEGER <= 4 THEN 2
			WHEN regexp_extract(segment_type, 'DECIMAL\\((\\d+)', 1)::INTEGER <= 9 THEN 4
			WHEN regexp_extract(segment_type, 'DECIMAL\\((\\d+)', 1)::INTEGER <= 18 THEN 8 ELSE 16 END
		WHEN segment_type IN ('HUGEINT', 'UHUGEINT', 'UUID', 'INTERVAL') OR segment_type LIKE '%[]' THEN 16 * count
	END`;

export interface StoreReportOptions {
	schema?: string;
	tables?: readonly string[];
	/** The catalogs holding the partitions of `events` when it is a view over them
	 *  (event-partitions.ts): its rows and bytes are summed over them. */
	partitions?: readonly string[];
}

/**
 * Per column of each named table: rows, type, compression and estimated stored bytes, ordered
 * by table then column. Run it after CHECKPOINT: only checkpointed segments have blocks, and
 * bytes are NULL for a table that has none (an in-memory database). `tables` must exist
 * (storeTablesSql lists the store tables that do).
 */
export function storeReportSql(options: StoreReportOptions = {}): string {
	const schema = options.schema ?? DEFAULT_SCHEMA;
	const tables = options.tables ?? STORE_TABLES;
	const partitions = options.partitions ?? [];
	if (tables.length === 0) throw new Error('invalid tables: none');
	// pragma_storage_info misreads a doubled quote inside a quoted name.
	for (const name of [schema, ...tables, ...partitions]) {
		if (name.includes('"')) throw new Error(`invalid name for the store report (no double quotes): ${name}`);
	}
	const names = `[${tables.map(quoteString).join(', ')}]`;
	const sources = tables.flatMap((t) =>
		t === 'events' && partitions.length
			? partitions.map((p) => ({ table: t, db: quoteString(p), qualified: partitionTable(p) }))
			: [{ table: t, db: 'current_database()', qualified: qualified(schema, t) }]
	);
	const segments = sources
		.map(
			(s) => `SELECT ${quoteString(s.table)} AS table_name, ${s.db} AS db, column_name, column_path, segment_type, compression, count, persistent, block_id, block_offset, additional_block_ids
	FROM pragma_storage_info(${quoteString(s.qualified)})`
		)
		.join('\n\tUNION ALL ');
	const partitionRows = partitions.length
		? `\n\t\tOR (list_contains([${partitions.map(quoteString).join(', ')}], database_name) AND schema_name = 'main' AND table_name = 'events')`
		: '';
	return `WITH segments AS (
	${segments}
),
block AS (SELECT block_size FROM pragma_database_size() WHERE database_name = current_database()),
sizes AS (
	SELECT table_name, sum(estimated_size)::BIGINT AS rows FROM duckdb_tables()
	WHERE (database_name = current_database() AND schema_name = ${quoteString(schema)} AND list_contains(${names}, table_name))${partitionRows}
	GROUP BY table_name
),
gaps AS (
	SELECT *, lead(block_offset) OVER (PARTITION BY db, block_id ORDER BY block_offset) - block_offset AS gap,
		block.block_size - block_offset AS rest, block.block_size * len(additional_block_ids) AS extra,
		${UNCOMPRESSED} AS uncompressed
	FROM segments CROSS JOIN block
	WHERE block_id >= 0
),
rated AS (
	SELECT *, sum(gap) OVER part / sum(count) FILTER (WHERE gap IS NOT NULL) OVER part AS per_row
	FROM gaps
	WINDOW part AS (PARTITION BY table_name, column_path)
),
per_column AS (
	SELECT table_name, column_name,
		sum(coalesce(gap, least(rest, ceil(per_row * count)::BIGINT, uncompressed)) + extra)::BIGINT AS bytes
	FROM rated GROUP BY ALL
),
kinds AS (
	SELECT table_name, column_name, bool_and(persistent) AS persistent,
		string_agg(DISTINCT compression, ', ' ORDER BY compression) FILTER (WHERE block_id >= 0) AS compression
	FROM segments GROUP BY ALL
)
SELECT c.table_name, c.column_name, c.column_index, c.data_type AS column_type, t.rows,
	CASE WHEN k.persistent THEN coalesce(p.bytes, 0) END AS bytes, k.compression
FROM duckdb_columns() AS c
JOIN sizes AS t USING (table_name)
LEFT JOIN kinds AS k USING (table_name, column_name)
LEFT JOIN per_column AS p USING (table_name, column_name)
WHERE c.database_name = current_database() AND c.schema_name = ${quoteString(schema)} AND list_contains(${names}, c.table_name)
ORDER BY list_position(${names}, c.table_name), c.column_index`;
}

/** The store tables that exist in `schema`, in build order (`events` also as a view). */
export function storeTablesSql(schema: string = DEFAULT_SCHEMA): string {
	const names = `[${STORE_TABLES.map(quoteString).join(', ')}]`;
	return `SELECT table_name FROM (
	SELECT database_name, schema_name, table_name FROM duckdb_tables()
	UNION ALL SELECT database_name, schema_name, view_name FROM duckdb_views() WHERE view_name = 'events'
)
WHERE database_name = current_database() AND schema_name = ${quoteString(schema)} AND list_contains(${names}, table_name)
ORDER BY list_position(${names}, table_name)`;
}

/** Size of the database file: total and used blocks, block size, WAL. */
export const DATABASE_SIZE_SQL = `SELECT * FROM pragma_database_size() WHERE database_name = current_database()`;
