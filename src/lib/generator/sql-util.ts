// Small SQL-text helpers for the generator.

/** A SQL string literal. */
export function str(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL number literal that DuckDB reads as DOUBLE. */
export function dbl(value: number): string {
	if (!Number.isFinite(value)) throw new Error(`invalid number: ${value}`);
	return `${value.toExponential()}`;
}

/** `VALUES (...), (...)` rows; each cell is already SQL text. */
export function values(rows: string[][]): string {
	return `VALUES ${rows.map((r) => `(${r.join(', ')})`).join(',\n')}`;
}

/** `CASE x WHEN 0 THEN a WHEN 1 THEN b … END` over a list of SQL expressions. */
export function pick(index: string, choices: string[]): string {
	return `CASE ${index} ${choices.map((c, i) => `WHEN ${i} THEN ${c}`).join(' ')} END`;
}
