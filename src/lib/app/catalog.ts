import type { SqlClient } from '../data/sql-client';

export interface CatalogTable {
	schema: string;
	name: string;
	/** Null for a view whose rows are not known without running it. */
	rows: number | null;
	columns: { name: string; type: string }[];
}

// Views count too: `events` is a view over the partition tables of companion databases
// (store/event-partitions.ts), whose rows it shows; those tables are not listed themselves.
export const CATALOG_SQL = `
	WITH relations AS (
		SELECT database_name, schema_name, table_name AS name, estimated_size AS rows, internal, temporary FROM duckdb_tables()
		UNION ALL
		SELECT v.database_name, v.schema_name, v.view_name, (
			SELECT sum(p.estimated_size)::BIGINT FROM duckdb_tables() p
			WHERE p.database_name <> v.database_name AND p.schema_name = v.schema_name AND p.table_name = v.view_name
		), v.internal, v.temporary FROM duckdb_views() v
	)
	SELECT * FROM (
		SELECT t.schema_name, t.name, t.rows,
		       list({'name': c.column_name, 'type': c.data_type} ORDER BY c.column_index) AS cols
		FROM relations t
		JOIN duckdb_columns() c
		  ON c.database_name = t.database_name AND c.schema_name = t.schema_name AND c.table_name = t.name
		WHERE t.database_name = current_database() AND NOT t.internal AND NOT t.temporary AND t.name NOT LIKE '\\_%' ESCAPE '\\'
		GROUP BY 1, 2, 3
	)
	ORDER BY schema_name = 'main' DESC, schema_name, name`;

/** Every user table and view of the workspace database: datasets in `main`, cell results in `nb`. */
export async function listTables(client: SqlClient): Promise<CatalogTable[]> {
	const result = await client.query(CATALOG_SQL);
	return result.rows.map(([schema, name, rows, cols]) => ({
		schema: String(schema),
		name: String(name),
		rows: rows === null ? null : Number(rows),
		columns: cols as { name: string; type: string }[]
	}));
}
