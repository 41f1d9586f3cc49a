// The app's SqlClient over native DuckDB (@duckdb/node-api): the benchmark's native half and
// `npm run notebook -- run --engine native` run the app's own store SQL, cell kinds and
// runtime on it. Results come back as the page's values (native-values.ts), failures as the
// page's QueryError carrying the SQL, and a model cell's columns move as typed arrays
// (ColumnarClient), as they do between DuckDB-WASM and the trainer.
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, DuckDBTypeId, FLOAT, INTEGER, UTINYINT, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import type { ColumnarClient, Columns, NumericArray } from '../../src/lib/data/columnar-client';
import { companionName, companionPath, type CompanionDatabases } from '../../src/lib/data/companion-databases';
import { errorMessage } from '../../src/lib/data/error-message';
import { CancelledError, QueryError } from '../../src/lib/data/query-error';
import { qualified, quoteIdent, quoteString } from '../../src/lib/data/sql';
import type { QueryOptions, SqlClient } from '../../src/lib/data/sql-client';
import type { QueryResult, Row } from '../../src/lib/data/value';
import { nativeColumn, nativeConverter } from './native-values';

export interface NativeOpenOptions {
	/** DuckDB's worker threads; default all cores (DuckDB's own default). */
	threads?: number;
	/** Where DuckDB spills operator state that does not fit in memory (the page cannot spill). */
	tempDirectory?: string;
}

type ArrayKind = 'f32' | 'f64' | 'i32' | 'u8';

/** The typed array a column reads into: the same choice arrow-columns.ts makes for Arrow types. */
function arrayKind(type: DuckDBType, name: string): ArrayKind {
	switch (type.typeId) {
		case DuckDBTypeId.FLOAT:
			return 'f32';
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
			return 'f64'; // exact as doubles up to 2^53, e.g. every user id
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.BOOLEAN:
			return 'u8';
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.USMALLINT:
			return 'i32';
		default:
			throw new Error(`column ${name} is ${type}: cast it to a number (FLOAT, DOUBLE or INTEGER) in the SQL`);
	}
}

const allocate = (kind: ArrayKind, n: number): NumericArray =>
	kind === 'f32' ? new Float32Array(n) : kind === 'f64' ? new Float64Array(n) : kind === 'i32' ? new Int32Array(n) : new Uint8Array(n);

/** The column type DuckDB-WASM gives an inserted typed array (Arrow Float32 → FLOAT…). */
function columnType(array: NumericArray): DuckDBType {
	if (array instanceof Float32Array) return FLOAT;
	if (array instanceof Float64Array) return DOUBLE;
	if (array instanceof Int32Array) return INTEGER;
	return UTINYINT;
}

export class NativeSqlClient implements SqlClient, ColumnarClient, CompanionDatabases {
	/** `file`: the database's path, beside which companions are written. */
	constructor(
		readonly conn: DuckDBConnection,
		readonly file: string
	) {}

	/** A database file opened with these settings, and how to close it. */
	static async open(file: string, options: NativeOpenOptions = {}): Promise<{ client: NativeSqlClient; close(): void }> {
		const config: Record<string, string> = {};
		if (options.threads !== undefined) config.threads = String(options.threads);
		if (options.tempDirectory !== undefined) config.temp_directory = options.tempDirectory;
		const instance = await DuckDBInstance.create(file, config);
		const conn = await instance.connect();
		let open = true;
		return {
			client: new NativeSqlClient(conn, file),
			close() {
				if (!open) return;
				open = false;
				conn.closeSync();
				instance.closeSync();
			}
		};
	}

	async attach(name: string): Promise<void> {
		await this.exec(`ATTACH IF NOT EXISTS ${quoteString(companionPath(this.file, name))} AS ${quoteIdent(companionName(name))}`);
	}

	/** Native DuckDB removes a checkpointed WAL itself. */
	async finish(): Promise<void> {}

	async detach(name: string, options: { remove?: boolean } = {}): Promise<void> {
		await this.exec(`DETACH DATABASE IF EXISTS ${quoteIdent(companionName(name))}`);
		if (options.remove) {
			const path = companionPath(this.file, name);
			for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
		}
	}

	async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
		const result = await this.#run(sql, options.signal);
		const names = result.columnNames();
		const types = result.columnTypes();
		const columns = names.map((name, i) => nativeColumn(name, types[i]));
		const converters = types.map(nativeConverter);
		const limit = options.maxRows ?? Infinity;
		const rows: Row[] = [];
		for (let c = 0; c < result.chunkCount && rows.length < limit; c++) {
			const chunk = result.getChunk(c);
			const n = Math.min(chunk.rowCount, limit - rows.length);
			const start = rows.length;
			for (let r = 0; r < n; r++) rows.push(new Array(names.length));
			for (let col = 0; col < names.length; col++) {
				const vector = chunk.getColumnVector(col);
				const convert = converters[col];
				for (let r = 0; r < n; r++) {
					const raw = vector.getItem(r);
					rows[start + r][col] = raw === null ? null : convert(raw);
				}
			}
		}
		return { columns, rows, rowCount: result.rowCount };
	}

	async exec(sql: string, options: { signal?: AbortSignal } = {}): Promise<void> {
		await this.#run(sql, options.signal);
	}

	async readColumns(sql: string, options: { signal?: AbortSignal } = {}): Promise<Columns> {
		const result = await this.#run(sql, options.signal);
		const names = result.columnNames();
		const types = result.columnTypes();
		const kinds = types.map((t, i) => arrayKind(t, names[i]));
		const arrays = kinds.map((k) => allocate(k, result.rowCount));
		let offset = 0;
		for (let c = 0; c < result.chunkCount; c++) {
			const chunk = result.getChunk(c);
			for (let col = 0; col < names.length; col++) {
				const vector = chunk.getColumnVector(col);
				const target = arrays[col];
				const floating = kinds[col] === 'f32' || kinds[col] === 'f64';
				for (let r = 0; r < chunk.rowCount; r++) {
					const v = vector.getItem(r);
					if (v === null) {
						if (!floating) throw new Error(`column ${names[col]} has NULLs: cast it to FLOAT or DOUBLE (NULL reads as NaN) or coalesce it in the SQL`);
						target[offset + r] = NaN;
					} else {
						target[offset + r] = Number(v);
					}
				}
			}
			offset += chunk.rowCount;
		}
		return { names, arrays, rows: result.rowCount };
	}

	/** In vector-sized chunks through DuckDB's appender: no row objects, no SQL text of values. */
	async writeColumns(schema: string, table: string, columns: Columns): Promise<void> {
		for (const a of columns.arrays) {
			if (a.length !== columns.rows) throw new Error(`invalid columns: ${a.length} values where ${columns.rows} rows were declared`);
		}
		const types = columns.arrays.map(columnType);
		const name = qualified(schema, table);
		await this.exec(
			`CREATE OR REPLACE TABLE ${name} (${columns.names.map((n, i) => `${quoteIdent(n)} ${types[i].toString()}`).join(', ')})`
		);
		const appender = await this.conn.createAppender(table, schema);
		try {
			const size = 2048;
			for (let start = 0; start < columns.rows; start += size) {
				const n = Math.min(size, columns.rows - start);
				const chunk = DuckDBDataChunk.create(types, n);
				columns.arrays.forEach((array, c) => {
					const vector = chunk.getColumnVector(c);
					for (let r = 0; r < n; r++) vector.setItem(r, array[start + r]);
					vector.flush();
				});
				appender.appendDataChunk(chunk);
			}
			appender.flushSync();
		} finally {
			appender.closeSync();
		}
	}

	/** As the browser does it (DuckDBClient.setVariable): a prepared-statement parameter, typed
	 *  the way DuckDB-WASM binds a JS value (every number as DOUBLE, measured). */
	async setVariable(name: string, value: number | string): Promise<void> {
		const sql = `SET VARIABLE ${quoteIdent(name)} = $1`;
		try {
			const statement = await this.conn.prepare(sql);
			if (typeof value === 'string') statement.bindVarchar(1, value);
			else statement.bindDouble(1, value);
			await statement.run();
		} catch (error) {
			throw new QueryError(errorMessage(error), sql, { cause: error });
		}
	}

	/** Runs `sql` (several statements: the last one's result); an abort interrupts the query. */
	async #run(sql: string, signal?: AbortSignal) {
		if (signal?.aborted) throw new CancelledError();
		const interrupt = () => this.conn.interrupt();
		signal?.addEventListener('abort', interrupt, { once: true });
		try {
			return await this.conn.run(sql);
		} catch (error) {
			if (signal?.aborted) throw new CancelledError();
			throw new QueryError(errorMessage(error), sql, { cause: error });
		} finally {
			signal?.removeEventListener('abort', interrupt);
		}
	}
}
