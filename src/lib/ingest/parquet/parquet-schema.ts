// What a Parquet file holds, from its footer alone: the ingest checks the event schema before any
// row is decoded, and a multi-GB file costs one small read at its end.
import { tableFromIPC } from 'apache-arrow';
import { duckdbTypeOf } from './duckdb-type-of';
import { DataFileError } from '../data-file-error';
import { errorText, openParquetFile, parquetFileName } from './open-parquet-file';
import { watchWasmTraps } from './watch-wasm-traps';

export interface ParquetColumn {
	name: string;
	/** The Arrow type the reader produces, as apache-arrow prints it (`Timestamp<MICROSECOND>`). */
	arrowType: string;
	/** The DuckDB type the column gets once inserted (`TIMESTAMP`, `BIGINT`, `DOUBLE`, `VARCHAR`…). */
	duckdbType: string;
	nullable: boolean;
}

export interface ParquetSchema {
	columns: ParquetColumn[];
	rows: number;
	rowGroups: number;
	/** Rows in the largest row group: the reader holds one decoded row group at a time. */
	maxRowGroupRows: number;
	/** The writer named in the footer (`parquet-cpp-arrow version 15.0.0`, `DuckDB …`), if any. */
	createdBy: string | null;
}

/** Column names and types, row and row-group counts; reads only the file's footer. */
export async function parquetSchema(file: Blob): Promise<ParquetSchema> {
	const watch = watchWasmTraps();
	try {
		const { handle, footer } = await openParquetFile(file, watch);
		try {
			// `read` of no row groups returns an empty table with the schema the reader really emits
			// (view types already cast to Utf8/Binary, which apache-arrow 17 cannot parse), unlike
			// `schema()`, which returns the file's stored Arrow schema as is. It reads no data pages.
			const empty = await watch.race(handle.read({ rowGroups: [] }));
			let fields;
			try {
				fields = tableFromIPC(empty.intoIPCStream()).schema.fields;
			} catch (error) {
				throw new DataFileError(`${parquetFileName(file)} uses column types this app cannot read (${errorText(error)}). Export it with plain columns (numbers, text, timestamps).`);
			}
			return {
				columns: fields.map((f) => ({ name: f.name, arrowType: String(f.type), duckdbType: duckdbTypeOf(f.type), nullable: f.nullable })),
				rows: footer.rows,
				rowGroups: footer.rowGroupRows.length,
				maxRowGroupRows: Math.max(0, ...footer.rowGroupRows),
				createdBy: footer.createdBy
			};
		} finally {
			if (!watch.trap) handle.free();
		}
	} finally {
		watch.close();
	}
}
