// SQL text helpers. Every identifier or literal that reaches generated SQL goes through these.

/** Quotes an identifier for DuckDB: `my "x"` → `"my ""x"""`. */
export function quoteIdent(name: string): string {
	if (name.length === 0) throw new Error('invalid identifier: empty name');
	return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB: `it's` → `'it''s'`. */
export function quoteString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

/** A schema-qualified, quoted table name. */
export function qualified(schema: string, name: string): string {
	return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * Strips a trailing semicolon and trailing comments/whitespace so a query can be wrapped
 * (`CREATE TABLE x AS <query>`). Leaves the text otherwise untouched.
 */
export function stripTrailingSemicolon(sql: string): string {
	return sql.replace(/(\s|;|--[^\n]*$)+$/u, '');
}
