// The action section's queries on a full-size store, native DuckDB (1 thread) against DuckDB-WASM's
// Node build (the page's engine) on the same pair tables, each run as the page runs a named cell.
// Not part of `npm run bench`, whose browser half takes an hour at 109.9M events: this builds the
// store natively (2 threads) and copies only the tables these cells read into DuckDB-WASM.
//   npm run generate -- --scale 1 --format duckdb --out DIR/gen
//   npx vite-node scripts/bench/action-queries.ts DIR
// DIR/store.duckdb is kept: a second run measures again without building.
import { mkdirSync, existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { alsoBoughtItemsSql, alsoBoughtSql, bundlesSql } from '../../src/lib/analyses/actions';
import { appendEventsSql, buildStorePlan } from '../../src/lib/store';
import { WasmTestClient } from '../../tests/unit/support/wasm-client';

const DIR = process.argv[2] ?? '';
if (!DIR || !existsSync(`${DIR}/gen/events.duckdb`)) throw new Error('usage: vite-node scripts/bench/action-queries.ts DIR (with DIR/gen/events.duckdb from npm run generate -- --format duckdb)');

const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const inst = await DuckDBInstance.create(`${DIR}/store.duckdb`);
const conn = await inst.connect();
const built = existsSync(`${DIR}/built`);
if (!built) {
	await conn.run(`SET threads = 2`);
	await conn.run(`ATTACH '${DIR}/gen/events.duckdb' AS gen (READ_ONLY)`);
	const ROWS = Number((await conn.runAndReadAll('SELECT count(*) FROM gen.events')).getRowsJS()[0][0]);
	for (const s of [...appendEventsSql('gen.events', { rows: ROWS }), ...buildStorePlan({ rows: ROWS, months: ['2019-10', '2019-11'] })]) {
		const t = performance.now();
		await conn.run(s.sql);
		log(s.name, ((performance.now() - t) / 1000).toFixed(1), 's');
	}
	await conn.run('CHECKPOINT');
	mkdirSync(`${DIR}/built`);
}
const count = async (t: string) => (await conn.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRowsJS()[0][0];
for (const t of ['events', 'products', 'purchase_pairs', 'item_pairs', 'item_triples']) log(t, String(await count(t)));
log('triples by level', JSON.stringify((await conn.runAndReadAll(`SELECT level, item_level, count(*) FROM item_triples GROUP BY ALL ORDER BY ALL`)).getRowsJS(), (_, v) => (typeof v === 'bigint' ? Number(v) : v)));

const top = String((await conn.runAndReadAll(`SELECT category_code FROM products WHERE category_code IS NOT NULL GROUP BY 1 ORDER BY sum(purchases) DESC LIMIT 1`)).getRowsJS()[0][0]);
const queries: [string, string][] = [
	['also_bought_items', alsoBoughtItemsSql()],
	['also_bought (most bought product, user baskets)', alsoBoughtSql({ item: "''", basket: "'user'", minPairs: '2' })],
	['also_bought (most bought product, sessions)', alsoBoughtSql({ item: "''", basket: "'session'", minPairs: '2' })],
	[`also_bought (category ${top}, user baskets)`, alsoBoughtSql({ item: `'category:${top}'`, basket: "'user'", minPairs: '2' })],
	['bundles (category codes, user baskets)', bundlesSql({ itemLevel: "'category_code'", basket: "'user'", minBaskets: '2' })],
	['bundles (brands, user baskets)', bundlesSql({ itemLevel: "'brand'", basket: "'user'", minBaskets: '2' })]
];
async function time(run: (sql: string) => Promise<number>, sql: string) {
	const ms: number[] = [];
	let rows = 0;
	for (let i = 0; i < 3; i++) {
		const t = performance.now();
		rows = await run(sql);
		ms.push(performance.now() - t);
	}
	return { ms: ms.sort((a, b) => a - b)[1], rows };
}
await conn.run(`SET threads = 1`);
await conn.run(`CREATE OR REPLACE TABLE also_bought_items AS ${alsoBoughtItemsSql()}`);
const native = new Map<string, { ms: number; rows: number }>();
// As the page runs a named cell: the result becomes a table, then its first 200 rows are read.
const asCell = (s: string) => [`CREATE OR REPLACE TEMP TABLE cell_out AS (${s})`, 'SELECT count(*) FROM cell_out', 'SELECT * FROM cell_out LIMIT 200'];
for (const [name, sql] of queries) native.set(name, await time(async (s) => { const [c, n, p] = asCell(s); await conn.run(c); const rows = Number((await conn.runAndReadAll(n)).getRowsJS()[0][0]); (await conn.runAndReadAll(p)).getRowsJS(); return rows; }, sql));
mkdirSync(`${DIR}/csv`, { recursive: true });
for (const t of ['products', 'purchase_pairs', 'item_pairs', 'item_triples']) await conn.run(`COPY ${t} TO '${DIR}/csv/${t}.csv' (HEADER)`);
const tableTypes = new Map<string, string>();
for (const t of ['products', 'purchase_pairs', 'item_pairs', 'item_triples']) {
	const cols = (await conn.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${t}' AND table_schema = 'main' ORDER BY ordinal_position`)).getRowsJS();
	tableTypes.set(t, `{${cols.map(([c, ty]) => `'${c}': '${ty}'`).join(', ')}}`);
}
conn.closeSync();
inst.closeSync();

const wasm = await WasmTestClient.open();
await wasm.exec(`SET memory_limit = '2GiB'`);
for (const t of ['products', 'purchase_pairs', 'item_pairs', 'item_triples']) {
	await wasm.exec(`CREATE TABLE ${t} AS SELECT * FROM read_csv('${DIR}/csv/${t}.csv', header = true, columns = ${tableTypes.get(t)})`);
}
await wasm.exec(`CREATE TABLE also_bought_items AS ${alsoBoughtItemsSql()}`);
for (const [name, sql] of queries) {
	const w = await time(async (s) => { const [c, n, p] = asCell(s); await wasm.exec(c); const rows = Number((await wasm.query(n)).rows[0][0]); await wasm.query(p); return rows; }, sql);
	const n = native.get(name)!;
	log(`| ${name} | ${w.rows} | ${w.ms.toFixed(0)} | ${n.ms.toFixed(0)} | ${(w.ms / n.ms).toFixed(2)} |`, n.rows === w.rows ? '' : `ROWS DIFFER: native ${n.rows}`);
}
wasm.close();
