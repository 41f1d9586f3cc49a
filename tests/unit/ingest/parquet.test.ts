// The Parquet layer against real engines: files written by native DuckDB (as users' tools
// would), read lazily with parquet-wasm and inserted as IPC into the real DuckDB-WASM build the
// browser loads. Values, types after insert, memory-relevant behaviour (lazy reads, frees,
// cancellation) and the schema messages.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Dictionary, Float32, Int32, Int64, LargeUtf8, Table, TimestampNanosecond, Uint32, Utf8, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/lib/ingest/data-file-error';
import {
	badEventTimeSql,
	checkParquetSchema,
	loadParquetWasm,
	parquetEventsSource,
	parquetSchema,
	readParquetBatches,
	writeParquet,
	type ParquetProgress,
	type ParquetSchema
} from '../../../src/lib/ingest/parquet';
import { openWasmDuckDB, type WasmConnection } from '../support/wasm-duckdb';
import { EVENT_COLUMNS } from '../../../src/lib/store/event-columns';

const arrowOfDuckDB: typeof import('apache-arrow') = createRequire(import.meta.url)('apache-arrow');
const dir = mkdtempSync(path.join(tmpdir(), 'cin-parquet-'));
const file = (name: string) => path.join(dir, name);
const ROWS = 250_000;
const CATEGORY = 2053013555631882655n;

/** The event columns as DuckDB writes them; every 3rd brand and 5th category_code is NULL. */
const EVENTS_SQL = `SELECT TIMESTAMP '2019-10-01 00:00:00' + to_seconds(i) AS event_time,
	['view', 'cart', 'remove_from_cart', 'purchase'][i % 4 + 1] AS event_type,
	(1000000 + i % 5000)::BIGINT AS product_id,
	(${CATEGORY} + i % 7)::BIGINT AS category_id,
	CASE WHEN i % 5 = 0 THEN NULL ELSE 'electronics.smartphone' END AS category_code,
	CASE WHEN i % 3 = 0 THEN NULL ELSE 'brand' || (i % 11) END AS brand,
	round((i % 1000) * 1.37, 2)::DOUBLE AS price,
	(500000000 + i % 20000)::BIGINT AS user_id,
	md5(i::VARCHAR) AS user_session
FROM range(${ROWS}) t(i)`;

// Every ingest source must deliver the store's event columns with exactly these types.
const EVENT_TYPES = EVENT_COLUMNS.map(([name, type]) => [name, type]);

let native: DuckDBConnection;
let closeNative: () => void;
let wasm: WasmConnection;
let closeWasm: () => void;

async function nativeRows(sql: string): Promise<unknown[][]> {
	return (await native.runAndReadAll(sql)).getRowsJS();
}

function wasmRows(sql: string): unknown[][] {
	const table = wasm.query(sql);
	return table.toArray().map((row) => Object.values(row.toJSON()));
}

/** A lazy Blob of a file on disk that records the byte ranges parquet-wasm reads. */
async function countingBlob(filePath: string): Promise<{ blob: Blob; reads: [number, number][] }> {
	const blob = await openAsBlob(filePath);
	const reads: [number, number][] = [];
	const slice = blob.slice.bind(blob);
	Object.defineProperty(blob, 'slice', {
		value: (start?: number, end?: number, type?: string) => {
			reads.push([start ?? 0, end ?? blob.size]);
			return slice(start, end, type);
		}
	});
	return { blob, reads };
}

/** Reads a file into a new DuckDB-WASM table, one insert per batch, as the ingest does. */
async function ingest(filePath: string, table: string, options: Parameters<typeof readParquetBatches>[1] = {}) {
	const batches: number[] = [];
	let first = true;
	for await (const batch of readParquetBatches(await openAsBlob(filePath), options)) {
		wasm.insertArrowFromIPCStream(batch.ipc, { name: table, create: first });
		first = false;
		batches.push(batch.rows);
	}
	return batches;
}

function describeTypes(table: string): string[][] {
	return wasmRows(`DESCRIBE ${table}`).map((r) => [String(r[0]), String(r[1])]);
}

beforeAll(async () => {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	native = await instance.connect();
	closeNative = () => {
		native.closeSync();
		instance.closeSync();
	};
	// threads=1 keeps the row groups exactly ROW_GROUP_SIZE rows, in order.
	await native.run(`COPY (${EVENTS_SQL}) TO '${file('events.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 61440)`);
	({ conn: wasm, close: closeWasm } = await openWasmDuckDB());
}, 120_000);

afterAll(() => {
	closeWasm?.();
	closeNative?.();
	rmSync(dir, { recursive: true, force: true });
});

describe('parquetSchema', () => {
	it('reads names, types and counts from the footer alone', async () => {
		const { blob, reads } = await countingBlob(file('events.parquet'));
		const schema = await parquetSchema(blob);
		expect(schema.columns.map((c) => [c.name, c.duckdbType])).toEqual(EVENT_TYPES);
		expect(schema.columns[0].arrowType).toBe('Timestamp<MICROSECOND>');
		expect(schema.rows).toBe(ROWS);
		const [[groups, largest]] = await nativeRows(
			`SELECT count(*), max(num_rows) FROM (SELECT DISTINCT row_group_id, row_group_num_rows AS num_rows FROM parquet_metadata('${file('events.parquet')}'))`
		);
		expect(schema.rowGroups).toBe(Number(groups));
		expect(schema.rowGroups).toBeGreaterThan(3);
		expect(schema.maxRowGroupRows).toBe(Number(largest));
		expect(schema.createdBy).toMatch(/DuckDB/);
		// The signature at the start, then only the end of the file: the footer length, then the footer.
		const bytes = reads.reduce((n, [a, b]) => n + (b - a), 0);
		expect(reads[0]).toEqual([0, 256]);
		expect(reads.slice(1).every(([a]) => a > blob.size - 64 * 1024)).toBe(true);
		expect(bytes).toBeLessThan(64 * 1024);
	});

	it('says what is wrong with a file that is not Parquet, empty, or cut short', async () => {
		writeFileSync(file('events.csv.parquet'), 'event_time,event_type\n2019-10-01 00:00:00 UTC,view\n');
		const notParquet = new File([await (await openAsBlob(file('events.csv.parquet'))).arrayBuffer()], 'events.parquet');
		await expect(parquetSchema(notParquet)).rejects.toThrow(DataFileError);
		await expect(parquetSchema(notParquet)).rejects.toThrow(
			"events.parquet is not a Parquet file: it does not start with Parquet's signature (PAR1) and looks like text. If it is a CSV file, give it a name ending in .csv and open it again."
		);
		await expect(parquetSchema(new File([], 'empty.parquet'))).rejects.toThrow('empty.parquet is empty (0 bytes)');
		const whole = new Uint8Array(await (await openAsBlob(file('events.parquet'))).arrayBuffer());
		await expect(parquetSchema(new File([whole.subarray(0, whole.length - 100)], 'cut.parquet'))).rejects.toThrow(
			'cut.parquet is cut short: it stops before the end of its Parquet footer, so none of it can be read. Download or copy the file again.'
		);
		// A damaged footer behind intact signatures is still named, with the reader's reason.
		const damaged = whole.slice();
		damaged.fill(0, whole.length - 400, whole.length - 8);
		await expect(parquetSchema(new File([damaged], 'damaged.parquet'))).rejects.toThrow(/damaged\.parquet is not a readable Parquet file \(.+\)\./);
		// The module survives its own errors.
		expect((await parquetSchema(await openAsBlob(file('events.parquet')))).rows).toBe(ROWS);
	});
});

describe('readParquetBatches into DuckDB-WASM', () => {
	it('inserts every row with exact values and the event types, one row group per batch', async () => {
		const progress: ParquetProgress[] = [];
		const batches = await ingest(file('events.parquet'), 'ev', { onProgress: (p) => progress.push(p) });
		const schema = await parquetSchema(await openAsBlob(file('events.parquet')));
		expect(batches.reduce((a, b) => a + b, 0)).toBe(ROWS);
		expect(batches.length).toBe(schema.rowGroups);
		expect(Math.max(...batches)).toBe(schema.maxRowGroupRows);
		expect(describeTypes('ev')).toEqual(EVENT_TYPES);

		// Progress: from nothing to everything, never backwards, row groups counted as they finish.
		expect(progress[0]).toEqual({ rows: 0, rowGroups: 0, totalRowGroups: schema.rowGroups, totalRows: ROWS });
		expect(progress.at(-1)).toEqual({ rows: ROWS, rowGroups: schema.rowGroups, totalRowGroups: schema.rowGroups, totalRows: ROWS });
		for (let i = 1; i < progress.length; i++) expect(progress[i].rows).toBeGreaterThan(progress[i - 1].rows);
		expect(progress.map((p) => p.rowGroups)).toEqual(progress.map((_, i) => i));

		// Aggregates that catch any lost, duplicated or altered value, computed by both engines.
		const summary = `SELECT count(*), count(brand), count(category_code), sum(product_id)::VARCHAR, sum(user_id)::VARCHAR,
			sum(category_id::HUGEINT)::VARCHAR, max(category_id)::VARCHAR, round(sum(price), 2)::VARCHAR, min(event_time)::VARCHAR,
			max(event_time)::VARCHAR, count(DISTINCT user_session), count(DISTINCT event_type)`;
		const expected = (await nativeRows(`${summary} FROM '${file('events.parquet')}'`))[0].map(String);
		expect(wasmRows(`${summary} FROM ev`)[0].map(String)).toEqual(expected);
		expect(expected[6]).toBe(String(CATEGORY + 6n));

		// Row by row at the edges of a row group: 19-digit ids exact as BIGINT, NULLs kept.
		const columns = `event_time::VARCHAR, event_type, product_id::VARCHAR, category_id::VARCHAR, category_code, brand, price, user_id::VARCHAR, user_session`;
		const picks = [0, 1, 61439, 61440, ROWS - 1];
		const nativePicks = await nativeRows(
			`SELECT ${columns} FROM (SELECT *, row_number() OVER () - 1 AS i FROM '${file('events.parquet')}') WHERE i IN (${picks}) ORDER BY i`
		);
		const wasmPicks = wasmRows(`SELECT ${columns} FROM (SELECT *, row_number() OVER () - 1 AS i FROM ev) WHERE i IN (${picks}) ORDER BY i`);
		expect(wasmPicks).toEqual(nativePicks);
		expect(wasmPicks[0]).toEqual(['2019-10-01 00:00:00', 'view', '1000000', '2053013555631882655', null, null, 0, '500000000', nativePicks[0][8]]);
		expect(wasmPicks[3][3]).toBe(String(CATEGORY + BigInt(61440 % 7)));
		wasm.query('DROP TABLE ev');
	}, 60_000);

	it('reads the Blob lazily, range by range, never as a whole', async () => {
		const { blob, reads } = await countingBlob(file('events.parquet'));
		let rows = 0;
		for await (const batch of readParquetBatches(blob)) rows += batch.rows;
		expect(rows).toBe(ROWS);
		const largest = Math.max(...reads.map(([a, b]) => b - a));
		expect(largest).toBeLessThan(blob.size / 3);
		const total = reads.reduce((n, [a, b]) => n + (b - a), 0);
		expect(total).toBeGreaterThan(blob.size * 0.9);
		expect(total).toBeLessThan(blob.size * 1.1);
	});

	it('cuts batches to batchRows, reads only the asked columns, and stops at a limit', async () => {
		const batches = await ingest(file('events.parquet'), 'part', { batchRows: 25_000, columns: ['category_id', 'event_time'], limit: 130_000 });
		expect(batches.reduce((a, b) => a + b, 0)).toBe(130_000);
		expect(Math.max(...batches)).toBe(25_000);
		// Columns come in file order, whatever the order asked.
		expect(describeTypes('part')).toEqual([
			['event_time', 'TIMESTAMP'],
			['category_id', 'BIGINT']
		]);
		expect(wasmRows(`SELECT max(event_time)::VARCHAR FROM part`)).toEqual([['2019-10-02 12:06:39']]);
		wasm.query('DROP TABLE part');
		await expect(ingest(file('events.parquet'), 'none', { limit: 0 })).resolves.toEqual([]);
		await expect(ingest(file('events.parquet'), 'none', { batchRows: 0 })).rejects.toThrow(/batchRows/);
		// Row groups too large to decode in wasm memory are refused before any is read.
		await expect(ingest(file('events.parquet'), 'none', { maxRowGroupRows: 50_000 })).rejects.toThrow(
			'The Parquet file stores up to 61,440 rows in one row group; this app reads a row group at a time and can hold at most 50,000. Re-export it with smaller row groups'
		);
	});

	it('stops when the signal aborts, frees what it held, and reads again afterwards', async () => {
		const parquet = await loadParquetWasm();
		const controller = new AbortController();
		let seen = 0;
		const reading = (async () => {
			for await (const batch of readParquetBatches(await openAsBlob(file('events.parquet')), { signal: controller.signal })) {
				seen += batch.rows;
				controller.abort();
			}
		})();
		await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
		expect(seen).toBe(61440);

		const aborted = AbortSignal.abort();
		await expect(ingest(file('events.parquet'), 'x', { signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });

		// Abandoning the generator (break) cancels the stream too: repeated partial reads do not
		// grow wasm memory (which never shrinks, so a leak would show).
		const partial = async () => {
			for await (const batch of readParquetBatches(await openAsBlob(file('events.parquet')))) if (batch.rows) break;
		};
		for (let i = 0; i < 3; i++) await partial();
		const settled = parquet.wasmMemory().buffer.byteLength;
		for (let i = 0; i < 10; i++) await partial();
		expect(parquet.wasmMemory().buffer.byteLength).toBe(settled);

		const batches = await ingest(file('events.parquet'), 'again');
		expect(batches.reduce((a, b) => a + b, 0)).toBe(ROWS);
		wasm.query('DROP TABLE again');
	});
});

describe('a damaged file', () => {
	it('fails with a message instead of hanging when parquet-wasm panics on a damaged page, and reading goes on', async () => {
		const bytes = new Uint8Array(await (await openAsBlob(file('events.parquet'))).arrayBuffer());
		// Scramble bytes inside the second row group's pages; the footer stays intact.
		const [[offset]] = await nativeRows(
			`SELECT min(data_page_offset) FROM parquet_metadata('${file('events.parquet')}') WHERE row_group_id = 1`
		);
		for (let i = Number(offset) + 64; i < Number(offset) + 4096; i++) bytes[i] = (bytes[i] * 7 + 13) & 255;
		const queueMicrotaskBefore = globalThis.queueMicrotask;
		let rows = 0;
		const reading = (async () => {
			for await (const batch of readParquetBatches(new File([bytes], 'damaged.parquet'))) rows += batch.rows;
		})();
		await expect(reading).rejects.toThrow(/^damaged\.parquet: row group 2 of \d+ could not be read \(.+\)\. The file may be damaged/);
		expect(rows).toBe(61440);
		expect(globalThis.queueMicrotask).toBe(queueMicrotaskBefore);
		const batches = await ingest(file('events.parquet'), 'after');
		expect(batches.reduce((a, b) => a + b, 0)).toBe(ROWS);
		wasm.query('DROP TABLE after');
	}, 60_000);
});

describe('checkParquetSchema', () => {
	const schemaOf = (columns: [string, string][], rows = 10): ParquetSchema => ({
		columns: columns.map(([name, duckdbType]) => ({ name, duckdbType, arrowType: duckdbType, nullable: true })),
		rows,
		rowGroups: 1,
		maxRowGroupRows: rows,
		createdBy: null
	});
	const events = (overrides: Record<string, string | null> = {}): [string, string][] =>
		EVENT_TYPES.flatMap(([name, type]) => {
			const t = name in overrides ? overrides[name] : type;
			return t === null ? [] : [[name, t] as [string, string]];
		});

	it('accepts the event schema as DuckDB writes it, reading only the event columns', async () => {
		const schema = await parquetSchema(await openAsBlob(file('events.parquet')));
		const check = checkParquetSchema('events.parquet', schema);
		expect(check).toMatchObject({ ok: true, notes: [] });
		if (!check.ok) return;
		expect(check.layout.columns).toEqual(EVENT_TYPES.map(([n]) => n));
		expect(check.layout.expressions.category_id).toBe('"category_id"');
		const extra = checkParquetSchema('x.parquet', schemaOf([['__index_level_0__', 'BIGINT'], ...events()]));
		expect(extra.ok && extra.layout.columns).toEqual(EVENT_TYPES.map(([n]) => n));
		expect(extra.ok && extra.notes).toEqual(['x.parquet: column __index_level_0__ is not part of the event log and is not read.']);
	});

	it('names each missing column and the columns the file has, and offers a mapping', () => {
		const check = checkParquetSchema('x.parquet', schemaOf([['timestamp', 'TIMESTAMP'], ...events({ event_time: null })]));
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problems[0]).toBe(
			'column event_time is missing; the file has columns: timestamp, event_type, product_id, category_id, category_code, brand, price, user_id, user_session.'
		);
		expect(check.problems).toHaveLength(1);
		expect(check.error).toBe(`x.parquet: ${check.problems[0]} If the file names these columns otherwise, map them to its columns; otherwise export the file with the event log columns.`);
		expect(check.offer).toEqual({ missing: ['event_time'], candidates: ['timestamp'], suggested: { event_time: 'timestamp' } });
		// Applied only when the user confirms it.
		const mapped = checkParquetSchema('x.parquet', schemaOf([['timestamp', 'TIMESTAMP'], ...events({ event_time: null })]), { event_time: 'timestamp' });
		expect(mapped.ok && mapped.layout.sources.event_time).toBe('timestamp');
		expect(mapped.ok && mapped.layout.expressions.event_time).toBe('"timestamp"');

		const two = checkParquetSchema('x.parquet', schemaOf(events({ brand: null, user_session: null })));
		expect(!two.ok && two.error).toBe(
			'x.parquet: columns brand, user_session are missing; the file has columns: event_time, event_type, product_id, category_id, category_code, price, user_id.'
		);
		const wrongMap = checkParquetSchema('x.parquet', schemaOf(events({ brand: null })), { brand: 'maker' });
		expect(!wrongMap.ok && wrongMap.problems[0]).toMatch(/^column maker, chosen for brand, is not in the file; the file has columns: event_time, /);
		// Names differing only in case match, as in the CSV check.
		const upper = checkParquetSchema('x.parquet', schemaOf(events().map(([n, t]) => [n.toUpperCase(), t])));
		expect(upper.ok && upper.layout.sources.user_id).toBe('USER_ID');
	});

	it('refuses types that would lose or invent data, saying what to do', () => {
		const check = checkParquetSchema(
			'x.parquet',
			schemaOf(events({ category_id: 'DOUBLE', user_id: 'VARCHAR', event_time: 'DATE', price: 'VARCHAR', event_type: 'NULL', brand: 'BIGINT' }))
		);
		expect(!check.ok && check.problems).toEqual([
			'event_time is DATE: it has dates without the time of day; export the full timestamp.',
			'event_type has no values at all (every row is NULL); export the file with the event_type values.',
			'category_id is DOUBLE: 19-digit ids lose precision, re-export it as INT64.',
			'brand is BIGINT; it must be a text column, re-export it as strings.',
			'price is VARCHAR; prices must be a number column (DOUBLE, FLOAT or DECIMAL), re-export it as one.',
			'user_id is VARCHAR; ids must be an integer column, re-export it as INT64.'
		]);
		const epoch = checkParquetSchema('x.parquet', schemaOf(events({ event_time: 'BIGINT', product_id: 'FLOAT' })));
		expect(!epoch.ok && epoch.problems).toEqual([
			'event_time is BIGINT (numbers, not times); re-export it as a timestamp column (Parquet TIMESTAMP, e.g. pandas datetime64).',
			'product_id is FLOAT: ids stored as floating point may have lost digits, re-export it as INT64.'
		]);
		expect(checkParquetSchema('x.parquet', schemaOf(events(), 0))).toMatchObject({ ok: false, error: 'x.parquet has no rows.' });
	});
});

describe('other writers: timestamps with units and zones, text times, the seed platform types', () => {
	const UTC = ['2019-10-01 00:00:03', '2019-11-30 23:59:59', null];

	/** Writes `select` natively, reads it back through check + batches + relation, returns event rows. */
	async function throughIngest(name: string, select: string) {
		await native.run(`COPY (${select}) TO '${file(name)}' (FORMAT parquet)`);
		return readBack(name);
	}

	async function readBack(name: string) {
		const schema = await parquetSchema(await openAsBlob(file(name)));
		const check = checkParquetSchema(name, schema);
		if (!check.ok) throw new Error(check.error);
		const table = `raw_${name.replace(/\W/g, '_')}`;
		await ingest(file(name), table, { columns: check.layout.columns });
		const relation = parquetEventsSource(table, check.layout);
		const types = wasmRows(`DESCRIBE SELECT * FROM ${relation}`).map((r) => [String(r[0]), String(r[1])]);
		const rows = wasmRows(
			`SELECT event_time::VARCHAR, event_type, product_id::VARCHAR, category_id::VARCHAR, category_code, brand, price, user_id::VARCHAR, user_session FROM ${relation}`
		);
		return { schema, check, types, rows, table, layout: check.layout };
	}

	const rest = `'view' AS event_type, 1::BIGINT AS product_id, ${CATEGORY}::BIGINT AS category_id, NULL::VARCHAR AS category_code,
		'apple' AS brand, 1.5::DOUBLE AS price, 7::BIGINT AS user_id, 's' AS user_session`;
	const times = `FROM (VALUES (TIMESTAMP '2019-10-01 00:00:03'), (TIMESTAMP '2019-11-30 23:59:59'), (NULL)) v(t)`;

	it.each([
		['TIMESTAMP_MS', 'Timestamp<MILLISECOND>', 't::TIMESTAMP_MS'],
		['TIMESTAMP_NS', 'Timestamp<NANOSECOND>', 't::TIMESTAMP_NS'],
		['TIMESTAMPTZ', 'Timestamp<MICROSECOND, UTC>', `timezone('UTC', t)`]
	])('event_time as %s becomes the same UTC TIMESTAMP', async (duckdbType, arrowType, expr) => {
		const { schema, types, rows } = await throughIngest(`t_${duckdbType}.parquet`, `SELECT ${expr} AS event_time, ${rest} ${times}`);
		expect(schema.columns[0]).toMatchObject({ arrowType, duckdbType });
		expect(types).toEqual(EVENT_TYPES);
		expect(rows.map((r) => r[0])).toEqual(UTC);
		expect(rows[0].slice(1)).toEqual(['view', '1', String(CATEGORY), null, 'apple', 1.5, '7', 's']);
	});

	it('a zoned time is read as its UTC instant, whatever zone it was written in', async () => {
		const { rows } = await throughIngest(
			'zoned.parquet',
			`SELECT timezone('America/New_York', TIMESTAMP '2019-09-30 20:00:03') AS event_time, ${rest}`
		);
		expect(rows.map((r) => r[0])).toEqual(['2019-10-01 00:00:03']);
	});

	it('text times in the original files\' format (and ISO) are read as UTC; others are found in a sample', async () => {
		const { schema, check, rows, table, layout } = await throughIngest(
			'text.parquet',
			`SELECT * FROM (VALUES ('2019-10-01 00:00:03 UTC'), ('2019-11-30T23:59:59'), (NULL), ('01/10/2019 00:00')) v(event_time), (SELECT ${rest})`
		);
		expect(schema.columns[0].duckdbType).toBe('VARCHAR');
		expect(check.ok && check.notes[0]).toMatch(/event_time is text/);
		expect(rows.map((r) => r[0])).toEqual([...UTC, null]);
		expect(wasmRows(badEventTimeSql(table, layout)!)).toEqual([['01/10/2019 00:00']]);
	});

	it('takes the seed platform\'s downcast Parquet: Int32 ids, float32 prices, categorical and large strings', async () => {
		// Written the way pyarrow/polars do (with the Arrow schema stored in the file), via
		// apache-arrow + writeParquet, since DuckDB cannot write these Arrow types.
		const dict = (values: (string | null)[], keys: typeof Int32 | typeof Uint32) =>
			vectorFromArray(values, new Dictionary(new Utf8(), new keys()));
		const table = new Table({
			// apache-arrow takes epoch milliseconds and stores them scaled to the unit (here ns).
			event_time: vectorFromArray([Date.UTC(2019, 9, 1, 0, 0, 3), Date.UTC(2019, 10, 30, 23, 59, 59)], new TimestampNanosecond('UTC')),
			event_type: dict(['view', 'purchase'], Uint32),
			product_id: vectorFromArray([1, 2], new Int32()),
			category_id: vectorFromArray([CATEGORY, CATEGORY + 1n], new Int64()),
			category_code: dict([null, 'electronics.smartphone'], Int32),
			brand: vectorFromArray(['apple', null], new LargeUtf8()),
			price: vectorFromArray([1.23, 999.99], new Float32()),
			user_id: vectorFromArray([512345678, 2], new Int32()),
			user_session: vectorFromArray(['a-b', 'c-d'], new LargeUtf8())
		});
		writeFileSync(file('seed.parquet'), await writeParquet(tableToIPC(table, 'stream')));
		const { schema, types, rows } = await readBack('seed.parquet');
		expect(schema.columns.map((c) => c.arrowType)).toEqual([
			'Timestamp<NANOSECOND, UTC>',
			'Dictionary<Uint32, Utf8>',
			'Int32',
			'Int64',
			'Dictionary<Int32, Utf8>',
			'LargeUtf8',
			'Float32',
			'Int32',
			'LargeUtf8'
		]);
		expect(types).toEqual(EVENT_TYPES);
		expect(rows).toEqual([
			['2019-10-01 00:00:03', 'view', '1', String(CATEGORY), null, 'apple', Math.fround(1.23), '512345678', 'a-b'],
			['2019-11-30 23:59:59', 'purchase', '2', String(CATEGORY + 1n), 'electronics.smartphone', null, Math.fround(999.99), '2', 'c-d']
		]);
	});
});

describe('writeParquet', () => {
	it('writes a query result as ZSTD Parquet that native DuckDB and readParquetBatches read back exactly', async () => {
		await ingest(file('events.parquet'), 'src');
		// A result as the app gets it from DuckDB-WASM, exported with the apache-arrow instance
		// DuckDB-WASM itself uses: in Node that is the CommonJS build, a different module
		// instance from the ESM one this file imports (whose tableToIPC would see no batches).
		const result = wasm.query(`SELECT * FROM src ORDER BY event_time`);
		const bytes = await writeParquet(arrowOfDuckDB.tableToIPC(result, 'stream'));
		writeFileSync(file('export.parquet'), bytes);

		const codecs = await nativeRows(`SELECT DISTINCT compression FROM parquet_metadata('${file('export.parquet')}')`);
		expect(codecs).toEqual([['ZSTD']]);
		const summary = `SELECT count(*), count(brand), sum(category_id::HUGEINT)::VARCHAR, min(event_time)::VARCHAR, max(user_session)`;
		const expected = (await nativeRows(`${summary} FROM '${file('events.parquet')}'`))[0].map(String);
		expect((await nativeRows(`${summary} FROM '${file('export.parquet')}'`))[0].map(String)).toEqual(expected);
		expect((await nativeRows(`DESCRIBE SELECT * FROM '${file('export.parquet')}'`)).map((r) => [r[0], r[1]])).toEqual(EVENT_TYPES);

		await ingest(file('export.parquet'), 'back');
		expect(describeTypes('back')).toEqual(EVENT_TYPES);
		const diff = wasmRows(`SELECT count(*)::INTEGER FROM (SELECT * FROM src EXCEPT ALL SELECT * FROM back)`);
		expect(diff).toEqual([[0]]);
		expect(wasmRows(`SELECT count(*)::INTEGER FROM back`)).toEqual([[ROWS]]);
		wasm.query('DROP TABLE src; DROP TABLE back');
	}, 120_000);

	it('writes an empty result, and takes the IPC file format too', async () => {
		const empty = tableFromArrays({ id: new BigInt64Array(0) });
		writeFileSync(file('empty.parquet'), await writeParquet(tableToIPC(empty, 'stream')));
		expect(await nativeRows(`SELECT count(*) FROM '${file('empty.parquet')}'`)).toEqual([[0n]]);

		const ids = tableFromArrays({ id: new BigInt64Array([CATEGORY, 1n, -CATEGORY]), n: new Int32Array([1, 2, 3]) });
		writeFileSync(file('from-file-format.parquet'), await writeParquet(tableToIPC(ids, 'file')));
		expect(await nativeRows(`SELECT id::VARCHAR, n FROM '${file('from-file-format.parquet')}' ORDER BY n`)).toEqual([
			[String(CATEGORY), 1],
			['1', 2],
			[String(-CATEGORY), 3]
		]);
		// DuckDB-WASM's own result bytes are in the file format.
		const raw = wasm.useUnsafe((bindings, conn) => bindings.runQuery(conn, `SELECT ${CATEGORY}::BIGINT AS id, 'x' AS s`));
		writeFileSync(file('from-duckdb.parquet'), await writeParquet(raw));
		expect(await nativeRows(`SELECT id::VARCHAR, s FROM '${file('from-duckdb.parquet')}'`)).toEqual([[String(CATEGORY), 'x']]);
		await expect(writeParquet(new Uint8Array([1, 2, 3]))).rejects.toThrow();
	});
});
