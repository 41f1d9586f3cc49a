// Streams a Parquet file as Arrow IPC batches, for `insertArrowFromIPCStream` into DuckDB-WASM
// (which must never read Parquet itself: its parquet extension is fetched from the internet).
//
// Memory stays bounded by the row group, not the file: the Blob is read lazily by range (the
// footer, then one row group's column chunks at a time), parquet-wasm 0.8 decodes one row group
// at a time (its stream collects a whole row group before yielding its batches, and reads at
// most one more ahead), and every wasm object is freed as soon as its bytes are copied out.
// Batches leave as IPC bytes, never as Arrow JS objects: DuckDB-WASM silently inserts nothing
// from tables built by another apache-arrow version, or even another copy of the same one
// (measured with duckdb-wasm 1.32 and apache-arrow 17; in Node its CommonJS copy differs from the ESM one).
import type { RecordBatch } from 'parquet-wasm/esm';
import { DataFileError } from '../data-file-error';
import { errorText, openParquetFile, parquetFileName } from './open-parquet-file';
import { watchWasmTraps } from './watch-wasm-traps';

export interface ParquetBatch {
	/** An Arrow IPC stream (schema + one record batch). */
	ipc: Uint8Array;
	rows: number;
}

export interface ParquetProgress {
	/** Rows yielded so far. */
	rows: number;
	/** Row groups fully yielded so far. */
	rowGroups: number;
	totalRowGroups: number;
	/** Rows that will be yielded in all (the file's rows, or `limit`). */
	totalRows: number;
}

export interface ReadParquetOptions {
	/** Rows per batch; default the file's row-group size, at most {@link DEFAULT_BATCH_ROWS}. */
	batchRows?: number;
	/** Read only these columns (others are not even decoded); default all. */
	columns?: readonly string[];
	/** Stop after this many rows (e.g. to check a sample before the full ingest). */
	limit?: number;
	/** Refuse files with larger row groups (default {@link MAX_ROW_GROUP_ROWS}). */
	maxRowGroupRows?: number;
	signal?: AbortSignal;
	onProgress?: (progress: ParquetProgress) => void;
}

/**
 * DuckDB's own row-group size. Measured on a 1.06M-row file: batches this large insert at ~1.1M rows/s,
 * 3× faster than parquet-wasm's default of 1,024 rows. Larger batches gain nothing and cost
 * memory: on a file with 1M-row groups (pyarrow's default), 122,880-row batches peaked at
 * 237 MiB of wasm memory and 14 MiB IPC buffers, whole-group batches at 415 MiB and 119 MiB,
 * at the same speed.
 */
export const DEFAULT_BATCH_ROWS = 122_880;

/**
 * Row groups larger than this are refused up front: parquet-wasm 0.8 decodes a whole row group
 * in wasm memory before yielding any of it (measured ≈ 220 bytes per event row: one 2.1M-row
 * group peaked at 465 MiB), wasm memory is capped at 4 GiB and never shrinks, so a file written
 * as one huge row group (old pyarrow wrote up to 64M rows per group) would trap mid-ingest.
 * 4M rows ≈ 0.9 GiB; current writers stay far below (pyarrow 1M, polars 256K, DuckDB 122,880).
 */
export const MAX_ROW_GROUP_ROWS = 4_194_304;

export async function* readParquetBatches(file: Blob, options: ReadParquetOptions = {}): AsyncGenerator<ParquetBatch, void, undefined> {
	const { signal, onProgress } = options;
	const name = parquetFileName(file);
	signal?.throwIfAborted();
	// Open for the generator's whole life: parquet-wasm decodes the next row group ahead while
	// the consumer inserts the last one, and a trap then must fail the next read, not hang it.
	const watch = watchWasmTraps();
	let opened;
	try {
		opened = await openParquetFile(file, watch);
	} catch (error) {
		watch.close();
		throw error;
	}
	const { handle, footer } = opened;
	let reader: ReadableStreamDefaultReader<RecordBatch> | undefined;
	try {
		signal?.throwIfAborted();
		const limit = Math.max(0, Math.min(options.limit ?? Infinity, footer.rows));
		// Only the row groups the limit reaches; and their cumulative ends, for progress.
		const groups: number[] = [];
		const groupEnds: number[] = [];
		for (let i = 0, end = 0; i < footer.rowGroupRows.length && end < limit; i++) {
			end += footer.rowGroupRows[i];
			groups.push(i);
			groupEnds.push(Math.min(end, limit));
		}
		const largest = Math.max(0, ...groups.map((i) => footer.rowGroupRows[i]));
		const maxRowGroupRows = options.maxRowGroupRows ?? MAX_ROW_GROUP_ROWS;
		if (largest > maxRowGroupRows) {
			throw new DataFileError(
				`${name} stores up to ${largest.toLocaleString('en-US')} rows in one row group; this app reads a row group at a time and ` +
					`can hold at most ${maxRowGroupRows.toLocaleString('en-US')}. Re-export it with smaller row groups ` +
					`(pyarrow: row_group_size=1_000_000; DuckDB: ROW_GROUP_SIZE 122880), or export it as CSV.`
			);
		}
		const batchRows = options.batchRows ?? Math.min(Math.max(largest, 1), DEFAULT_BATCH_ROWS);
		if (!Number.isInteger(batchRows) || batchRows < 1) throw new RangeError(`batchRows must be a positive integer, not ${batchRows}`);

		let rows = 0;
		let done = 0;
		const report = () => {
			while (done < groupEnds.length && groupEnds[done] <= rows) done++;
			onProgress?.({ rows, rowGroups: done, totalRowGroups: groups.length, totalRows: limit });
		};
		report();
		if (limit === 0) return;

		// The `limit`/`offset` options of parquet-wasm 0.8 apply to each row group separately in
		// `stream`, so the limit is applied here instead. `concurrency: 1`: decode one row group
		// at a time, the memory bound above depends on it.
		const stream: ReadableStream<RecordBatch> = await watch.race(
			handle.stream({ batchSize: batchRows, rowGroups: groups, columns: options.columns ? [...options.columns] : undefined, concurrency: 1 })
		);
		reader = stream.getReader();
		while (rows < limit) {
			signal?.throwIfAborted();
			let batch: RecordBatch;
			try {
				const next = await watch.race(reader.read());
				if (next.done) break;
				batch = next.value;
			} catch (error) {
				throw new DataFileError(
					`${name}: row group ${done + 1} of ${groups.length} could not be read (${errorText(error)}). ` +
						`The file may be damaged or cut short; copy or export it again.`
				);
			}
			if (signal?.aborted) {
				batch.free();
				signal.throwIfAborted();
			}
			if (rows + batch.numRows > limit) {
				const whole = batch;
				batch = whole.slice(0, limit - rows);
				whole.free();
			}
			const n = batch.numRows;
			// `intoIPCStream` copies the batch out of wasm memory and frees it.
			const ipc = batch.intoIPCStream();
			if (n === 0) continue;
			rows += n;
			report();
			yield { ipc, rows: n };
		}
		if (rows < limit && !signal?.aborted) {
			throw new DataFileError(`${name} ended after ${rows.toLocaleString('en-US')} of the ${limit.toLocaleString('en-US')} rows its footer announces; copy or export it again.`);
		}
	} finally {
		// Cancelling drops parquet-wasm's stream (and any row group it decoded ahead) in wasm;
		// it also runs when the consumer stops early (`break`, an error in the insert).
		// After a trap the wasm state is suspect: leave its objects alone rather than risk a
		// second trap (their memory is lost either way).
		if (!watch.trap) {
			await watch.race(reader?.cancel() ?? Promise.resolve()).catch(() => {});
			if (!watch.trap) handle.free();
		}
		watch.close();
	}
}
