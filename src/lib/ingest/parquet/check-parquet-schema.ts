// Checks a Parquet file's columns (from its footer: see parquetSchema) against the event schema
// before any row is read, and says how each file column becomes its event column in DuckDB.
//
// The conversions run in DuckDB SQL over the batches as inserted (vectorised, and 64-bit ids
// never pass through a JS number). What is accepted, and why:
// - event_time: any Arrow timestamp. Without a zone it is taken as UTC, like the original files'
//   `… UTC` text; with a zone (TIMESTAMPTZ in DuckDB) its instant is turned into UTC wall time
//   with `make_timestamp(epoch_us(…))`, which, unlike a cast, ignores DuckDB's TimeZone setting.
//   s/ms/ns units are cast to µs (the data has whole seconds). Text is accepted in the forms the
//   CSV path reads (`2019-10-01 00:00:03 UTC`, `2019-10-01 00:00:03`, ISO `T`, ISO `Z`), all
//   UTC; a value in none of them becomes NULL, so the row is set aside like a malformed CSV
//   line (see eventTimeSampleSql to refuse a file whose format is wrong before the ingest).
//   Dates (no time of day) and numbers (epoch of unknown unit) are refused.
// - ids: any integer type (the seed platform downcast ids to Int32); floating point is refused,
//   because 19-digit category ids cannot survive it (2053013555631882655 reads back as
//   …2752), and text is refused rather than half-parsed.
// - price: any number (the seed platform wrote float32; the store restores whole cents).
// - text columns: strings, large strings, dictionaries (pandas/polars categoricals), binary
//   without the UTF-8 annotation (old writers), and, for category_code and brand, which are
//   often empty, a column with no values at all.
import { quoteIdent } from '../../data/sql';
import { mappingOffer, type ColumnMapping, type EventColumn, type MappingOffer } from '../column-mapping';
import { EVENT_COLUMNS } from '../../store/event-columns';
import type { ParquetColumn, ParquetSchema } from './parquet-schema';

export type { ColumnMapping, EventColumn, MappingOffer };

export interface ParquetLayout {
	/** The file column read for each event column. */
	sources: Record<EventColumn, string>;
	/** SQL over the inserted file column giving the event column's type (see parquetEventsSource). */
	expressions: Record<EventColumn, string>;
	/** The file columns to read, in file order: pass them to readParquetBatches' `columns`. */
	columns: string[];
	/** File columns that are not read. */
	ignored: string[];
}

export type ParquetSchemaCheck =
	| { ok: true; layout: ParquetLayout; notes: string[] }
	| { ok: false; error: string; problems: string[]; offer?: MappingOffer };

/** strptime formats of event_time text, all meaning UTC: the CSV path's formats. */
export const EVENT_TIME_TEXT_FORMATS = ['%Y-%m-%d %H:%M:%S UTC', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%SZ'] as const;

const INTEGERS = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT']);
const OFTEN_EMPTY = new Set<EventColumn>(['category_code', 'brand']);

export function checkParquetSchema(fileName: string, schema: ParquetSchema, mapping: ColumnMapping = {}): ParquetSchemaCheck {
	const names = schema.columns.map((c) => c.name);
	const listed = names.join(', ') || '(none)';
	if (schema.rows === 0) return fail(`${fileName} has no rows.`);

	const problems: string[] = [];
	const byName = new Map(schema.columns.map((c) => [c.name, c]));
	const byLower = new Map<string, ParquetColumn>();
	for (const c of schema.columns) if (!byLower.has(c.name.toLowerCase())) byLower.set(c.name.toLowerCase(), c);

	const found: Partial<Record<EventColumn, ParquetColumn>> = {};
	for (const [event] of EVENT_COLUMNS) {
		const chosen = mapping[event];
		if (chosen !== undefined) {
			const column = byName.get(chosen);
			if (column) found[event] = column;
			else problems.push(`column ${chosen}, chosen for ${event}, is not in the file; the file has columns: ${listed}.`);
		} else {
			const column = byName.get(event) ?? byLower.get(event);
			if (column) found[event] = column;
		}
	}
	const missing = EVENT_COLUMNS.map(([n]) => n).filter((n) => found[n] === undefined && mapping[n] === undefined);
	for (const name of missing) problems.push(`column ${name} is missing; the file has columns: ${listed}.`);

	const expressions: Partial<Record<EventColumn, string>> = {};
	for (const [event, target] of EVENT_COLUMNS) {
		const column = found[event];
		if (!column) continue;
		const converted = convert(event, target, column);
		if ('problem' in converted) problems.push(converted.problem);
		else expressions[event] = converted.sql;
	}

	const used = new Set(Object.values(found).map((c) => c.name));
	const unused = names.filter((n) => !used.has(n));
	if (problems.length > 0) {
		// `problems`: one sentence each, for a UI to list. `error`: the same, with missing columns
		// named together so the file's column list appears once, and what to do.
		const isMissing = (p: string) => missing.some((m) => p.startsWith(`column ${m} is missing`));
		const parts = missing.length > 1 ? [`columns ${missing.join(', ')} are missing; the file has columns: ${listed}.`, ...problems.filter((p) => !isMissing(p))] : [...problems];
		let offer: MappingOffer | undefined;
		if (missing.length > 0 && unused.length > 0) {
			offer = mappingOffer(missing, unused);
			parts.push('If the file names these columns otherwise, map them to its columns; otherwise export the file with the event log columns.');
		}
		return { ok: false, error: `${fileName}: ${parts.join(' ')}`, problems, offer };
	}

	const sources = Object.fromEntries(EVENT_COLUMNS.map(([n]) => [n, found[n]!.name])) as Record<EventColumn, string>;
	const notes: string[] = [];
	if (unused.length) {
		notes.push(`${fileName}: column${unused.length > 1 ? 's' : ''} ${unused.join(', ')} ${unused.length > 1 ? 'are' : 'is'} not part of the event log and ${unused.length > 1 ? 'are' : 'is'} not read.`);
	}
	if (found.event_time!.duckdbType === 'VARCHAR') {
		notes.push(`${fileName}: event_time is text; values are read as UTC times like "2019-10-01 00:00:03 UTC".`);
	}
	return {
		ok: true,
		layout: {
			sources,
			expressions: expressions as Record<EventColumn, string>,
			columns: names.filter((n) => used.has(n)),
			ignored: unused
		},
		notes
	};
}

function convert(event: EventColumn, target: string, column: ParquetColumn): { sql: string } | { problem: string } {
	const q = quoteIdent(column.name);
	const type = column.duckdbType;
	const as = column.name === event ? event : `${event} (file column ${column.name})`;
	const is = `${as} is ${type}`;
	if (type === 'NULL') {
		if (OFTEN_EMPTY.has(event)) return { sql: `CAST(${q} AS VARCHAR)` };
		return { problem: `${as} has no values at all (every row is NULL); export the file with the ${event} values.` };
	}
	switch (target) {
		case 'TIMESTAMP':
			if (type === 'TIMESTAMP') return { sql: q };
			if (type === 'TIMESTAMP_S' || type === 'TIMESTAMP_MS' || type === 'TIMESTAMP_NS') return { sql: `CAST(${q} AS TIMESTAMP)` };
			if (type === 'TIMESTAMPTZ') return { sql: `make_timestamp(epoch_us(${q}))` };
			if (type === 'VARCHAR') return { sql: `try_strptime(${q}, [${EVENT_TIME_TEXT_FORMATS.map((f) => `'${f}'`).join(', ')}])` };
			if (type === 'DATE') return { problem: `${is}: it has dates without the time of day; export the full timestamp.` };
			if (INTEGERS.has(type) || type === 'DOUBLE' || type === 'FLOAT') {
				return { problem: `${is} (numbers, not times); re-export it as a timestamp column (Parquet TIMESTAMP, e.g. pandas datetime64).` };
			}
			return { problem: `${is}; re-export it as a timestamp column (or text like "2019-10-01 00:00:03 UTC").` };
		case 'BIGINT':
			if (type === 'BIGINT') return { sql: q };
			if (INTEGERS.has(type) || /^DECIMAL\(\d+,0\)$/.test(type)) return { sql: `CAST(${q} AS BIGINT)` };
			if (type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL')) {
				const why = event === 'category_id' ? '19-digit ids lose precision' : 'ids stored as floating point may have lost digits';
				return { problem: `${is}: ${why}, re-export it as INT64.` };
			}
			return { problem: `${is}; ids must be an integer column, re-export it as INT64.` };
		case 'DOUBLE':
			if (type === 'DOUBLE') return { sql: q };
			if (type === 'FLOAT' || INTEGERS.has(type) || type.startsWith('DECIMAL')) return { sql: `CAST(${q} AS DOUBLE)` };
			return { problem: `${is}; prices must be a number column (DOUBLE, FLOAT or DECIMAL), re-export it as one.` };
		case 'VARCHAR':
			if (type === 'VARCHAR') return { sql: q };
			// Old writers leave UTF-8 text without its annotation; decode() checks it is UTF-8.
			if (type === 'BLOB') return { sql: `decode(${q})` };
			return { problem: `${is}; it must be a text column, re-export it as strings.` };
	}
	throw new Error(`unexpected event column type ${target}`);
}

function fail(error: string): ParquetSchemaCheck {
	return { ok: false, error, problems: [error] };
}
