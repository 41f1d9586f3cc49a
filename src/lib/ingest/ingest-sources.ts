// The sources an ingest can read, each opened on demand: a user's CSV file (read lazily by
// DuckDB), the bundled sample, and generated demo data. Browser-side (they register Files).
import type { DuckDBClient } from '../data/duckdb-client';
import { isGzipFile } from '../datasets/data-file-types';
import type { CsvLayout } from './csv-head';
import { eventsCsvSource } from './csv-source';
import { checkGzipWhole } from './cut-short';
import { GENERATED_TABLE, generateDemoEvents, type GenerateProgress } from './generate-demo';
import { DataFileError } from './data-file-error';
import type { IngestSource } from './ingest-events';
import type { ParquetLayout } from './parquet/check-parquet-schema';

// Bytes per row of the original CSV (135) and of its gzip (≈ 20): only to size the passes.
const rowsHint = (name: string, bytes: number) => Math.ceil(bytes / (isGzipFile(name) ? 20 : 135));

/**
 * A CSV the user chose; registered as a lazy file reader, never copied into memory. A .csv.gz
 * is also inflated once beside the ingest, to catch a file cut short (see cut-short.ts).
 * `latin1Fallback`: its head was plain ASCII, so bytes further on may still be Latin-1.
 */
export function csvFileSource(client: DuckDBClient, file: File, layout: CsvLayout, options: { latin1Fallback?: boolean } = {}): IngestSource {
	const registered = `ingest/${file.name}`;
	return {
		name: file.name,
		bytes: file.size,
		rowsHint: rowsHint(file.name, file.size),
		async open(signal) {
			await client.registerFile(registered, file);
			// The check stops with the ingest, or when the source closes after a failed step.
			const check = new AbortController();
			signal.addEventListener('abort', () => check.abort(), { once: true });
			return {
				relation: eventsCsvSource(registered, layout),
				rejects: true,
				whole: isGzipFile(file.name) ? checkGzipWhole(file, file.name, check.signal) : undefined,
				latin1Relation: options.latin1Fallback && layout.encoding === 'utf-8' ? eventsCsvSource(registered, { ...layout, encoding: 'latin-1' }) : undefined,
				close: async () => {
					check.abort();
					await client.dropFile(registered);
				}
			};
		}
	};
}

const PARQUET_TABLE = 'main._parquet_in';

/**
 * A Parquet file: parquet-wasm decodes it row group by row group (DuckDB-WASM's own Parquet
 * reader is an extension it would download), each batch goes to DuckDB as Arrow IPC, and the
 * store append then reads that table like a CSV scan. Memory stays at about one row group.
 */
export function parquetFileSource(client: DuckDBClient, file: File, layout: ParquetLayout, rows: number): IngestSource {
	return {
		name: file.name,
		bytes: file.size,
		rowsHint: rows,
		async open(signal) {
			const { readParquetBatches, parquetEventsSource } = await import('./parquet');
			await client.exec(`DROP TABLE IF EXISTS ${PARQUET_TABLE}`);
			let first = true;
			for await (const batch of readParquetBatches(file, { columns: layout.columns, signal })) {
				await client.insertArrowIPC('_parquet_in', batch.ipc, first);
				first = false;
			}
			if (first) throw new DataFileError(`${file.name} has no rows.`);
			return { relation: parquetEventsSource(PARQUET_TABLE, layout), rejects: false, close: () => client.exec(`DROP TABLE IF EXISTS ${PARQUET_TABLE}`) };
		}
	};
}

/** A small bundled file fetched from the site itself (the sample: a few MB, so a buffer is fine). */
export function bundledCsvSource(client: DuckDBClient, name: string, bytes: Uint8Array, layout: CsvLayout): IngestSource {
	return {
		name,
		bytes: bytes.byteLength,
		rowsHint: rowsHint(name, bytes.byteLength),
		async open() {
			await client.registerFileBuffer(name, bytes.slice());
			return { relation: eventsCsvSource(name, layout), rejects: true, close: () => client.dropFile(name) };
		}
	};
}

/** N million seeded synthetic events, generated inside the dataset's own database. */
export function demoSource(client: DuckDBClient, millions: number, onProgress: (p: GenerateProgress) => void): IngestSource {
	return {
		name: `generated ${millions}M events`,
		bytes: 0,
		rowsHint: Math.round(millions * 1e6),
		async open(signal) {
			await generateDemoEvents(client, millions, { signal, onProgress });
			return { relation: GENERATED_TABLE, rejects: false, close: () => client.exec(`DROP TABLE IF EXISTS ${GENERATED_TABLE}`) };
		}
	};
}
