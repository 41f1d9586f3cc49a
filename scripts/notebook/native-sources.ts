// Event-log files on disk as ingest sources for native DuckDB, checked as the page checks a file
// the user chose (plan-file-ingest.ts): the CSV head (encoding, delimiter, the nine columns, the
// time format), a plain CSV cut mid-row, a .csv.gz whose stream stops early, a Parquet file's
// columns. What differs is only how rows are read: DuckDB reads the files themselves, Parquet
// included (native DuckDB has its Parquet reader built in; the page decodes Parquet with
// parquet-wasm because DuckDB-WASM would download that extension).
import { openAsBlob, statSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../src/lib/data/error-message';
import { quoteString } from '../../src/lib/data/sql';
import type { SqlClient } from '../../src/lib/data/sql-client';
import { isCsvFile, isGzipFile, isParquetFile } from '../../src/lib/datasets/data-file-types';
import { checkCsvHead } from '../../src/lib/ingest/csv-head';
import { eventsCsvSource } from '../../src/lib/ingest/csv-source';
import { checkGzipWhole, cutShortCsvMessage } from '../../src/lib/ingest/cut-short';
import { DataFileError } from '../../src/lib/ingest/data-file-error';
import type { IngestSource } from '../../src/lib/ingest/ingest-events';
import { checkParquetSchema } from '../../src/lib/ingest/parquet/check-parquet-schema';
import { badEventTimeSql, parquetEventsSource } from '../../src/lib/ingest/parquet/parquet-events-source';
import type { ParquetSchema } from '../../src/lib/ingest/parquet/parquet-schema';
import { readHead } from '../../src/lib/ingest/read-head';
import { rowsHint } from '../bench/rows-hint';

export interface NativeSources {
	sources: IngestSource[];
	/** What the page's notice adds about the files (columns not read, text times…). */
	notes: string[];
}

export interface DataFile {
	path: string;
	/** The name the dataset gives it (its file name, or the bundled sample's name in the page). */
	name: string;
}

export const dataFile = (file: string): DataFile => ({ path: file, name: path.basename(file) });

/** Checks every file before any work; the first problem stops the run with the page's message. */
export async function nativeSources(client: SqlClient, files: readonly DataFile[]): Promise<NativeSources> {
	const sources: IngestSource[] = [];
	const notes: string[] = [];
	for (const { path: file, name } of files) {
		const bytes = statSync(file).size;
		if (bytes === 0) throw new DataFileError(`${name} is empty (0 bytes). Choose the exported data file itself, not a placeholder.`);
		if (isParquetFile(name)) {
			const schema = await parquetSchemaNative(client, file, name);
			const check = checkParquetSchema(name, schema);
			if (!check.ok) throw new DataFileError(check.error);
			const relation = `read_parquet(${quoteString(file)})`;
			const bad = badEventTimeSql(`(SELECT * FROM ${relation} LIMIT 10000)`, check.layout);
			const example = bad ? (await client.query(bad)).rows[0]?.[0] : undefined;
			if (example !== undefined) {
				throw new DataFileError(`${name}: event_time "${String(example)}" is in none of the time formats the app reads (e.g. "2019-10-01 00:00:03 UTC"). Re-export it as a timestamp column.`);
			}
			notes.push(...check.notes);
			sources.push({
				name,
				bytes,
				rowsHint: schema.rows,
				open: async () => ({ relation: parquetEventsSource(relation, check.layout), rejects: false, close: async () => {} })
			});
			continue;
		}
		if (!isCsvFile(name)) throw new DataFileError(`${name} is not a data file this app reads: choose the event log as .csv, .csv.gz or .parquet.`);
		const blob = await openAsBlob(file);
		const head = await readHead(blob, name);
		const check = checkCsvHead(name, head.text, {}, head.encoding);
		if (!check.ok) throw new DataFileError(check.error);
		const layout = check.layout;
		if (!isGzipFile(name)) {
			const cut = await cutShortCsvMessage(blob, name, layout);
			if (cut) throw new DataFileError(cut);
		}
		notes.push(...check.notes);
		sources.push({
			name,
			bytes,
			rowsHint: rowsHint(name, bytes),
			open: async (signal) => ({
				relation: eventsCsvSource(file, layout),
				rejects: true,
				whole: isGzipFile(name) ? checkGzipWhole(blob, name, signal) : undefined,
				latin1Relation: head.ascii && layout.encoding === 'utf-8' ? eventsCsvSource(file, { ...layout, encoding: 'latin-1' }) : undefined,
				close: async () => {}
			})
		});
	}
	return { sources, notes };
}

/** The footer's columns and rows as the page's check reads them, from DuckDB's own reader. */
async function parquetSchemaNative(client: SqlClient, file: string, name: string): Promise<ParquetSchema> {
	try {
		const columns = (await client.query(`DESCRIBE SELECT * FROM read_parquet(${quoteString(file)})`)).rows;
		const meta = (await client.query(`SELECT num_rows, num_row_groups, created_by FROM parquet_file_metadata(${quoteString(file)})`)).rows[0];
		const groups = (await client.query(`SELECT max(row_group_num_rows) FROM parquet_metadata(${quoteString(file)})`)).rows[0];
		return {
			columns: columns.map((c) => ({ name: String(c[0]), arrowType: String(c[1]), duckdbType: pageTypeName(String(c[1])), nullable: c[2] !== 'NO' })),
			rows: Number(meta[0]),
			rowGroups: Number(meta[1]),
			maxRowGroupRows: Number(groups[0] ?? 0),
			createdBy: meta[2] === null ? null : String(meta[2])
		};
	} catch (error) {
		throw new DataFileError(`${name} is not a readable Parquet file (${errorMessage(error)}). Export the event log again, as Parquet or CSV.`);
	}
}

/** DuckDB's type name as the page's check spells it (duckdb-type-of.ts). */
function pageTypeName(type: string): string {
	if (type === 'TIMESTAMP WITH TIME ZONE') return 'TIMESTAMPTZ';
	if (type.endsWith('[]') || /^[A-Z]+\[\d+\]$/.test(type)) return 'LIST';
	if (type.startsWith('STRUCT(')) return 'STRUCT';
	if (type.startsWith('MAP(')) return 'MAP';
	return type;
}
