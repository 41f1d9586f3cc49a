// `$name` in a cell's SQL reads the variable an input cell sets. DuckDB-WASM's prepared
// statements take positional parameters only, and a CREATE TABLE … AS cannot be prepared
// with them, so `$name` becomes getvariable('name'): the SQL names the variable, the value is
// set separately through a prepared-statement parameter (SqlClient.setVariable).
import { tokenizeSql } from '../notebook/sql-tokens';
import { quoteString } from '../data/sql';

const VARIABLE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;

export function bindVariables(sql: string, defined: ReadonlySet<string>): string {
	let out = '';
	let at = 0;
	for (const token of tokenizeSql(sql)) {
		if (token.kind !== 'variable') continue;
		VARIABLE.lastIndex = token.start;
		const match = VARIABLE.exec(sql);
		if (!match) continue;
		const name = match[1].toLowerCase();
		if (!defined.has(name)) {
			throw new Error(`$${match[1]} is not defined: add an input cell named ${match[1]}, or fix the name`);
		}
		out += sql.slice(at, token.start) + `getvariable(${quoteString(name)})`;
		at = token.start + match[0].length;
	}
	return out + sql.slice(at);
}
