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
