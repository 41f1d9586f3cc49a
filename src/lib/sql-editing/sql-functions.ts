// The functions the running engine offers, for completion: one row per name from
// duckdb_functions() (its overloads folded into one signature), read once per engine.
import type { SqlClient } from '../data/sql-client';

export type SqlFunctionKind = 'scalar' | 'aggregate' | 'table' | 'macro' | 'table_macro';

export interface SqlFunction {
	name: string;
	kind: SqlFunctionKind;
	/** `name(param, param) → TYPE`, from its shortest overload; `…` when it takes more. */
	signature: string;
	/** How many overloads the name has. */
	overloads: number;
	description: string | null;
}

// Operators (`+`, `~~`), internal names (`__internal…`) and pragmas are left out; so is
// pg_catalog, whose functions only mirror PostgreSQL's catalog. A table function lists its named
// parameters as parameters too: the first few are enough for a hint.
export const SQL_FUNCTIONS_SQL = `
	SELECT function_name AS name,
	       any_value(function_type) AS kind,
	       arg_min(
	           function_name || '(' ||
	           array_to_string(parameters[1:4], ', ') ||
	           CASE WHEN len(parameters) > 4 OR varargs IS NOT NULL THEN ', …' ELSE '' END || ')' ||
	           coalesce(' → ' || return_type, ''),
	           len(parameters)
	       ) AS signature,
	       count(*) AS overloads,
	       arg_min(description, len(parameters)) FILTER (WHERE description IS NOT NULL) AS description
	FROM duckdb_functions()
	WHERE schema_name = 'main' AND function_type <> 'pragma'
	  AND regexp_full_match(function_name, '[a-z_][a-z0-9_]*') AND NOT starts_with(function_name, '__')
	GROUP BY function_name
	ORDER BY function_name`;

export async function listSqlFunctions(client: SqlClient): Promise<SqlFunction[]> {
	const result = await client.query(SQL_FUNCTIONS_SQL);
	return result.rows.map(([name, kind, signature, overloads, description]) => ({
		name: String(name),
		kind: String(kind) as SqlFunctionKind,
		signature: String(signature),
		overloads: Number(overloads),
		description: description === null ? null : String(description)
	}));
}
