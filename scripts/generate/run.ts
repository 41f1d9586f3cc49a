// Runs the generator on native DuckDB and writes the Kaggle-format files, one per month, in
// bounded chunks (a few days per query), so scale 1.0 (≈110M rows) never sits in memory at once.

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import {
	createEventsTableSql,
	csvSelect,
	EVENT_COLUMN_TYPES,
	EVENT_COLUMNS,
	generatorPlan,
	MONTH_FILES,
	type Month
} from '../../src/lib/generator/index';
import { fidelityQueries, formatReport, judge, type FidelityResult } from '../../src/lib/generator/fidelity';
import type { Args } from './args';

export interface Summary {
	rows: number;
	files: { path: string; bytes: number }[];
	seconds: number;
	maxRssMiB: number;
	report?: FidelityResult[];
}

const sqlPath = (p: string) => `'${p.replaceAll("'", "''")}'`;

/** One month's CSV file, fed chunk by chunk (optionally through gzip). */
class CsvMonth {
	private file: WriteStream;
	private sink: WriteStream | Gzip;
	constructor(readonly path: string, gzip: boolean) {
		this.file = createWriteStream(path);
		if (gzip) {
			const gz = createGzip({ level: 9 });
			gz.pipe(this.file);
			this.sink = gz;
		} else {
			this.sink = this.file;
		}
		this.sink.write(EVENT_COLUMNS.join(',') + '\n');
	}
	async append(chunkPath: string): Promise<void> {
		const input = createReadStream(chunkPath);
		input.pipe(this.sink, { end: false });
		await once(input, 'end');
	}
	async close(): Promise<void> {
		this.sink.end();
		await once(this.file, 'close');
	}
}

async function value(conn: DuckDBConnection, sql: string): Promise<unknown> {
	const rows = (await conn.runAndReadAll(sql)).getRowsJS();
	const v = rows[0]?.[0];
	return typeof v === 'bigint' ? Number(v) : v;
}

export async function generate(args: Args, log: (line: string) => void = console.log): Promise<Summary> {
	const started = performance.now();
	const say = args.quiet ? () => {} : log;
	const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	const out = resolve(args.out);
	mkdirSync(out, { recursive: true });
	const work = mkdtempSync(join(tmpdir(), 'cin-generate-'));
	const config: Record<string, string> = {
		memory_limit: args.memoryLimit,
		temp_directory: join(work, 'spill'),
		preserve_insertion_order: 'true'
	};
	if (args.threads) config.threads = String(args.threads);
	const instance = await DuckDBInstance.create(':memory:', config);
	const conn = await instance.connect();
	const plan = generatorPlan({ scale: args.scale, seed: args.seed, months: args.months, chunkRows: args.chunkRows });
	const expected = plan.days.reduce((a, d) => a + d.expectedRows, 0);
	const files: string[] = [];
	let rows = 0;
	let report: FidelityResult[] | undefined;
	say(`generating scale ${args.scale}, seed ${args.seed}, ${args.format}${args.gzip ? '.gz' : ''} → ${out} (≈${expected.toLocaleString('en-US')} rows)`);
	try {
		for (const s of plan.setup) {
			const t = performance.now();
			await conn.run(s.sql);
			say(`  ${s.name.padEnd(22)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
		}
		if (args.format === 'duckdb') {
			const path = join(out, 'events.duckdb');
			rmSync(path, { force: true });
			rmSync(`${path}.wal`, { force: true });
			await conn.run(`ATTACH ${sqlPath(path)} AS gen_out (STORAGE_VERSION 'v1.4.0')`);
			await conn.run(createEventsTableSql('gen_out.events'));
			files.push(path);
		}
		const byMonth = new Map<Month, typeof plan.days>();
		for (const d of plan.days) byMonth.set(d.month, [...(byMonth.get(d.month) ?? []), d]);
		let done = 0;
		for (const [month, chunks] of byMonth) {
			const base = join(out, MONTH_FILES[month]);
			const csv = args.format === 'csv' ? new CsvMonth(`${base}.csv${args.gzip ? '.gz' : ''}`, args.gzip) : null;
			const parts: string[] = [];
			for (const chunk of chunks) {
				await conn.run(`CREATE OR REPLACE TEMP TABLE gen_chunk AS ${chunk.select}`);
				const n = Number(await value(conn, `SELECT count(*) FROM gen_chunk`));
				if (csv) {
					const part = join(work, 'chunk.csv');
					await conn.run(`COPY (${csvSelect('SELECT * FROM gen_chunk')}) TO ${sqlPath(part)} (FORMAT csv, HEADER false)`);
					await csv.append(part);
				} else if (args.format === 'parquet') {
					const part = join(work, `part-${String(parts.length).padStart(3, '0')}.parquet`);
					await conn.run(`COPY gen_chunk TO ${sqlPath(part)} (FORMAT parquet, COMPRESSION zstd)`);
					parts.push(part);
				} else {
					await conn.run(`INSERT INTO gen_out.events SELECT * FROM gen_chunk`);
				}
				rows += n;
				done += chunk.expectedRows;
				const pct = ((100 * done) / expected).toFixed(1).padStart(5);
				say(`  ${chunk.from}…${chunk.to.slice(5)}  ${n.toLocaleString('en-US').padStart(11)} rows  total ${rows.toLocaleString('en-US').padStart(12)}  ${pct}%  ${since()}`);
			}
			if (csv) {
				await csv.close();
				files.push(csv.path);
			} else if (args.format === 'parquet') {
				const path = `${base}.parquet`;
				const list = parts.map(sqlPath).join(', ');
				await conn.run(`COPY (SELECT * FROM read_parquet([${list}])) TO ${sqlPath(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
				for (const p of parts) rmSync(p);
				files.push(path);
			}
		}
		await conn.run(`DROP TABLE IF EXISTS gen_chunk`);
		if (args.report) {
			// Small outputs are loaded once; large ones are re-read by each query to bound memory.
			const kind = rows <= 20_000_000 ? 'TABLE' : 'VIEW';
			await conn.run(`CREATE OR REPLACE TEMP ${kind} gen_report_events AS ${readBack(args, files)}`);
			report = [];
			for (const q of fidelityQueries({ scale: args.scale, table: 'gen_report_events' })) {
				report.push(judge(q, await value(conn, q.sql)));
			}
			log(formatReport(report));
			await conn.run(`DROP ${kind} gen_report_events`);
		}
		for (const s of plan.cleanup) await conn.run(s.sql);
		if (args.format === 'duckdb') {
			await conn.run(`CHECKPOINT gen_out`);
			await conn.run(`DETACH gen_out`);
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
		rmSync(work, { recursive: true, force: true });
	}
	const summary: Summary = {
		rows,
		files: files.map((path) => ({ path, bytes: statSync(path).size })),
		seconds: (performance.now() - started) / 1000,
		maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
		report
	};
	say(`wrote ${rows.toLocaleString('en-US')} rows in ${summary.seconds.toFixed(1)} s, peak RSS ${summary.maxRssMiB} MiB`);
	for (const f of summary.files) say(`  ${f.path}  ${(f.bytes / 1048576).toFixed(1)} MiB`);
	return summary;
}

/** A SELECT over the written files (or the attached database) with the typed event schema. */
function readBack(args: Args, files: string[]): string {
	const list = files.map(sqlPath).join(', ');
	if (args.format === 'duckdb') return `SELECT * FROM gen_out.events`;
	if (args.format === 'parquet') return `SELECT * FROM read_parquet([${list}])`;
	const columns = EVENT_COLUMNS.map((c) => `'${c}': '${EVENT_COLUMN_TYPES[c]}'`).join(', ');
	return `SELECT * FROM read_csv([${list}], header = true, columns = {${columns}}, timestampformat = '%Y-%m-%d %H:%M:%S UTC')`;
}
