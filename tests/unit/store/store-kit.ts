// Shared by the store tests: a hand-built event log small enough to check by hand, and helpers
// to run store steps and read rows as plain objects.
import { quoteString } from '../../../src/lib/data/sql';
import { EVENT_COLUMNS } from '../../../src/lib/store/event-columns';
import type { StoreStep } from '../../../src/lib/store';
import type { Value } from '../../../src/lib/data/value';
import type { WasmTestClient } from '../support/wasm-client';

type Raw = [time: string, type: string, product: number, category: string, code: string | null, brand: string | null, price: number, user: number, session: string];

export const P1 = 1003461; // xiaomi smartphone
export const P2 = 5100816; // apple, category without a code
export const P3 = 1004856; // smartphone without a brand
export const P4 = 26300093; // lucente light
export const PHONES = '2053013555631882655';
export const NO_CODE = '2053013553375346967';
export const LIGHTS = '2232732093077520756';
export const [A, B, C] = [512000001, 512000002, 512000003];
export const S_A1 = 'f4a2c1d0-0b1e-4c3a-9d2e-7a1b2c3d4e01';
export const S_B1 = '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e02';
export const S_A2 = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03';
export const S_C1 = '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f04';

const phone = (user: number, session: string, time: string, type: string, price = 489.07): Raw =>
	[time, type, P1, PHONES, 'electronics.smartphone', 'xiaomi', price, user, session];
const apple = (time: string, type: string): Raw => [time, type, P2, NO_CODE, null, 'apple', 171.9, B, S_B1];
const unbranded = (user: number, session: string, time: string, type: string): Raw =>
	[time, type, P3, PHONES, 'electronics.smartphone', null, 130.76, user, session];
const light = (time: string, type: string): Raw => [time, type, P4, LIGHTS, 'construction.tools.light', 'lucente', 52.53, C, S_C1];

/** October's file, not in time order: 5 rows, one exact duplicate (a cart). */
export const OCTOBER: Raw[] = [
	apple('2019-10-31 23:58:00', 'view'),
	phone(A, S_A1, '2019-10-05 10:00:00', 'view'),
	phone(A, S_A1, '2019-10-05 10:01:00', 'cart'),
	phone(A, S_A1, '2019-10-05 10:01:00', 'cart'),
	phone(A, S_A1, '2019-10-05 10:05:00', 'purchase')
];

/** November's file: 9 rows; B's session goes on over midnight from October, without a cart,
 *  and one purchase row is duplicated exactly; C's session never buys. */
export const NOVEMBER: Raw[] = [
	apple('2019-11-01 00:01:00', 'purchase'),
	unbranded(B, S_B1, '2019-11-01 00:02:00', 'purchase'),
	unbranded(B, S_B1, '2019-11-01 00:02:00', 'purchase'),
	phone(C, S_C1, '2019-11-10 20:00:00', 'view', 479.99),
	unbranded(A, S_A2, '2019-11-03 09:00:00', 'view'),
	unbranded(A, S_A2, '2019-11-03 09:10:00', 'purchase'),
	light('2019-11-10 20:03:00', 'view'),
	light('2019-11-10 20:04:00', 'cart'),
	light('2019-11-10 20:06:00', 'remove_from_cart')
];

const literal = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : quoteString(v));

/** A raw relation (as readEventsCsv yields) holding `rows`. */
export function rawEvents(rows: readonly (readonly (string | number | null)[])[]): string {
	const names = EVENT_COLUMNS.map(([name]) => name);
	const casts = EVENT_COLUMNS.map(([name, type]) => `CAST(${name} AS ${type}) AS ${name}`).join(', ');
	return `(SELECT ${casts} FROM (VALUES ${rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ')}) AS raw(${names.join(', ')}))`;
}

export async function runSteps(db: WasmTestClient, steps: readonly StoreStep[]): Promise<void> {
	for (const step of steps) await db.exec(step.sql);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates as `YYYY-MM-DD` (DATE) or `YYYY-MM-DD HH:MM:SS` (TIMESTAMP), UTC. */
function plain(value: Value, kind: string): Value {
	if (!(value instanceof Date)) return value;
	const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
	return kind === 'date' ? day : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
}

/** Result rows as objects keyed by column name. */
export async function objects(db: WasmTestClient, sql: string): Promise<Record<string, Value>[]> {
	const r = await db.query(sql);
	return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c.name, plain(row[i], c.kind)])));
}

/** One scalar. */
export async function scalar(db: WasmTestClient, sql: string): Promise<Value> {
	return (await db.query(sql)).rows[0][0];
}

/** DESCRIBE as `name TYPE` strings. */
export async function layout(db: WasmTestClient, table: string): Promise<string[]> {
	return (await db.query(`DESCRIBE ${table}`)).rows.map((r) => `${r[0]} ${r[1]}`);
}

/** Drops every schema, table and type the tests made, so one engine serves a whole file. */
export async function resetDatabase(db: WasmTestClient): Promise<void> {
	await db.exec(`USE memory.main`);
	const schemas = await db.query(`SELECT schema_name FROM duckdb_schemas() WHERE database_name = 'memory' AND NOT internal AND schema_name <> 'main'`);
	for (const [name] of schemas.rows) await db.exec(`DROP SCHEMA "${String(name).replaceAll('"', '""')}" CASCADE`);
	const tables = await db.query(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory' AND schema_name = 'main'`);
	for (const [name] of tables.rows) await db.exec(`DROP TABLE main."${String(name).replaceAll('"', '""')}"`);
	await db.exec(`DROP TYPE IF EXISTS main.event_kind`);
}
