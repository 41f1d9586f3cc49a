import type { SqlClient } from '../data/sql-client';

export interface CatalogTable {
	schema: string;
	name: string;
	rows: number;
	columns: { name: string; type: string }[];
}

export const CATALOG_SQL = `
	SELECT * FROM (
		SELECT t.schema_name, t.table_name, t.estimated_size,
		       list({'name': c.column_name, 'type': c.data_type} ORDER BY c.column_index) AS cols
		FROM duckdb_tables() t
		JOIN duckdb_columns() c
		  ON c.database_name = t.database_name AND c.schema_name = t.schema_name AND c.table_name = t.table_name
		WHERE NOT t.internal AND NOT t.temporary AND t.table_name NOT LIKE '\\_%' ESCAPE '\\'
		GROUP BY 1, 2, 3
	)
	ORDER BY schema_name = 'main' DESC, schema_name, table_name`;

/** Every user table of the workspace database: datasets in `main`, cell results in `nb`. */
export async function listTables(client: SqlClient): Promise<CatalogTable[]> {
	const result = await client.query(CATALOG_SQL);
	return result.rows.map(([schema, name, rows, cols]) => ({
		schema: String(schema),
		name: String(name),
		rows: Number(rows),
		columns: cols as { name: string; type: string }[]
	}));
}
