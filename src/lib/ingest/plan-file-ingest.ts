// Before any work, every file the user chose is checked: a clear error (with a column mapping
// to confirm, where the names differ) stops the ingest with nothing touched.
import type { DuckDBClient } from '../data/duckdb-client';
import { errorMessage } from '../data/error-message';
import { isCsvFile, isGzipFile, isParquetFile } from '../datasets/data-file-types';
import { EVENT_COLUMNS } from '../store/event-columns';
import { checkCsvHead, type ColumnMapping, type CsvLayout, type MappingOffer } from './csv-head';
import { csvFileSource, parquetFileSource } from './ingest-sources';
import type { IngestSource } from './ingest-events';
import { cutShortCsvMessage } from './cut-short';
import { DataFileError } from './data-file-error';
import { readHead } from './read-head';
import type { DecodedHead } from './text-encoding';

export type FileIngestPlan =
	| { kind: 'events'; notes: string[]; sources: (client: DuckDBClient) => IngestSource[] }
	/** A CSV with none of the event columns: loaded as a table of the open dataset. */
	| { kind: 'table'; file: File }
	| { kind: 'error'; error: string; fileName: string; offer?: MappingOffer };

export async function planFileIngest(files: readonly File[], mapping: ColumnMapping = {}): Promise<FileIngestPlan> {
	const planned: ((client: DuckDBClient) => IngestSource)[] = [];
	const notes: string[] = [];
	for (const file of files) {
		const fail = (error: string, offer?: MappingOffer): FileIngestPlan => ({ kind: 'error', error, fileName: file.name, offer });
		if (file.size === 0) return fail(`${file.name} is empty (0 bytes). Choose the exported data file itself, not a placeholder.`);
		if (isParquetFile(file.name)) {
			const { parquetSchema, checkParquetSchema } = await import('./parquet');
			let schema;
			try {
				schema = await parquetSchema(file);
			} catch (error) {
				return fail(error instanceof DataFileError ? error.message : `${file.name} is not a readable Parquet file (${errorMessage(error)}). Export the event log again, as Parquet or CSV.`);
			}
			const check = checkParquetSchema(file.name, schema, mapping);
			if (!check.ok) return fail(check.error, check.offer);
			notes.push(...check.notes);
			planned.push((client) => parquetFileSource(client, file, check.layout, schema.rows));
			continue;
		}
		if (!isCsvFile(file.name)) {
			return fail(`${file.name} is not a data file this app reads: choose the event log as .csv, .csv.gz or .parquet.`);
		}
		let head: DecodedHead;
		try {
			head = await readHead(file, file.name);
		} catch (error) {
			return fail(error instanceof DataFileError ? error.message : `${file.name} could not be read: ${errorMessage(error)}.`);
		}
		const check = checkCsvHead(file.name, head.text, mapping, head.encoding);
		if (!check.ok) {
			if (files.length === 1 && check.offer && sharesNoEventColumn(check.offer)) return { kind: 'table', file };
			return fail(check.error, check.offer);
		}
		const layout: CsvLayout = check.layout;
		if (!isGzipFile(file.name)) {
			const cut = await cutShortCsvMessage(file, file.name, layout);
			if (cut) return fail(cut);
		}
		planned.push((client) => csvFileSource(client, file, layout, { latin1Fallback: head.ascii }));
		notes.push(...check.notes);
	}
	return { kind: 'events', notes, sources: (client) => planned.map((open) => open(client)) };
}

/** Not one event column matched by name: this is some other table, not a damaged event log. */
function sharesNoEventColumn(offer: MappingOffer): boolean {
	return offer.missing.length === EVENT_COLUMNS.length && Object.keys(offer.suggested).length === 0;
}
