// The Parquet layer: parquet-wasm (lazy-loaded) reads users' Parquet into Arrow IPC batches for
// DuckDB-WASM and writes query results as Parquet; DuckDB-WASM itself never touches Parquet.
export { loadParquetWasm, type ParquetWasm } from './load-parquet-wasm';
export { parquetSchema, type ParquetColumn, type ParquetSchema } from './parquet-schema';
export { readParquetBatches, DEFAULT_BATCH_ROWS, MAX_ROW_GROUP_ROWS, type ParquetBatch, type ParquetProgress, type ReadParquetOptions } from './read-parquet-batches';
export {
	checkParquetSchema,
	EVENT_TIME_TEXT_FORMATS,
	type ColumnMapping,
	type EventColumn,
	type MappingOffer,
	type ParquetLayout,
	type ParquetSchemaCheck
} from './check-parquet-schema';
export { parquetEventsSource, badEventTimeSql } from './parquet-events-source';
export { writeParquet } from './write-parquet';
export { duckdbTypeOf } from './duckdb-type-of';
