// Query results → Parquet bytes, for exports. DuckDB-WASM cannot write Parquet offline (its
// extension is downloaded on demand), so parquet-wasm writes it from the result's Arrow IPC.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { loadParquetWasm } from './load-parquet-wasm';

/**
 * DuckDB's row-group size: readers (DuckDB, our own readParquetBatches, which decodes a row
 * group at a time) get the same batches as from DuckDB's files; larger groups barely compress
 * better on this data.
 */
const ROW_GROUP_ROWS = 122_880;

/**
 * Arrow IPC bytes → a ZSTD-compressed Parquet file. Best the stream format (apache-arrow's
 * `tableToIPC(table, 'stream')`); the file format (DuckDB-WASM's bindings return it) is converted. ZSTD (level 1, arrow-rs' default) is in parquet-wasm 0.8's default build, as are
 * SNAPPY, GZIP, BROTLI and LZ4; ZSTD gives the smallest files at about the same speed.
 * The whole result is held in memory (input, wasm copy, output): for query results, not for
 * re-exporting a full dataset.
 */
export async function writeParquet(ipc: Uint8Array): Promise<Uint8Array> {
	const parquet = await loadParquetWasm();
	// Both objects are consumed (moved into wasm and dropped there) by writeParquet, even when
	// it throws: nothing is left to free.
	const table = parquet.Table.fromIPCStream(asIpcStream(ipc));
	const properties = new parquet.WriterPropertiesBuilder()
		.setCompression(parquet.Compression.ZSTD)
		.setMaxRowGroupSize(ROW_GROUP_ROWS)
		.build();
	return parquet.writeParquet(table, properties);
}

/**
 * parquet-wasm reads only the stream format. A file-format buffer (starting `ARROW1`) is
 * re-encoded as a stream with apache-arrow: its body cannot simply be sliced out, as
 * apache-arrow's file writer keeps the schema only in the footer. Costs one copy, only then.
 */
function asIpcStream(bytes: Uint8Array): Uint8Array {
	const isFile = bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1';
	return isFile ? tableToIPC(tableFromIPC(bytes), 'stream') : bytes;
}
