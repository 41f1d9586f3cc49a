// The SQL relation that reads one CSV event log with the layout its head check found: DuckDB's
// reader with every column typed explicitly (19-digit category ids as BIGINT, never guessed),
// and malformed rows set aside in DuckDB's reject tables instead of failing the whole file.
import { quoteIdent, quoteString } from '../data/sql';
import type { CsvLayout } from './csv-head';
import { EVENT_COLUMNS } from '../store/event-columns';

export function eventsCsvSource(registered: string, layout: CsvLayout): string {
	const typeOf = new Map<string, string>(EVENT_COLUMNS.map(([name, type]) => [layout.sources[name], type]));
	// Columns the log does not use are read as text: they are dropped right after.
	const columns = layout.columns.map((c) => `${quoteString(c)}: ${quoteString(typeOf.get(c) ?? 'VARCHAR')}`).join(', ');
	const select = EVENT_COLUMNS.map(([name]) => `${quoteIdent(layout.sources[name])} AS ${quoteIdent(name)}`).join(', ');
	return `(SELECT ${select} FROM read_csv(${quoteString(registered)}, header = true, auto_detect = false, delim = ${quoteString(layout.delimiter)}, quote = '"', escape = '"', columns = {${columns}}, timestampformat = ${quoteString(layout.timestampFormat)}, encoding = ${quoteString(layout.encoding)}, store_rejects = true))`;
}

/** Clears DuckDB's reject tables before a scan, so the next summary counts only that file. */
export const CLEAR_REJECTS_SQL = `DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans`;

/** Malformed lines of the last scan: how many, and the first few with DuckDB's reason. */
export const REJECTS_SUMMARY_SQL = `SELECT line, any_value(error_type ORDER BY column_idx) AS error_type,
	any_value(error_message ORDER BY column_idx) AS message, any_value(csv_line) AS csv_line, count(*) OVER () AS lines
FROM reject_errors GROUP BY line ORDER BY line LIMIT 5`;
