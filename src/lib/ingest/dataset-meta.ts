// What an ingest leaves beside the store, for the notebook's optimisation section and for the
// dataset list: per-file rows and rejects, time per step, and bytes per table and column.
import { quoteString } from '../data/sql';
import type { SqlClient } from '../data/sql-client';
import { readEventPartitions, storeReportSql, storeTablesSql } from '../store';
import type { IngestReport } from './ingest-events';

const str = (v: string | null) => (v === null ? 'NULL' : quoteString(v));

export function ingestLogSql(report: IngestReport): string[] {
	const files = report.files
		.map((f) => `(${str(f.name)}, ${f.bytes}, ${f.rows}, ${f.rejectedLines}, ${f.invalidRows})`)
		.join(', ');
	const steps = report.steps.map((s, i) => `(${i + 1}, ${str(s.phase)}, ${str(s.file)}, ${str(s.step)}, ${s.ms})`).join(', ');
	return [
		`CREATE OR REPLACE TABLE main.ingest_files (file VARCHAR, source_bytes BIGINT, rows BIGINT, rejected_lines BIGINT, invalid_rows BIGINT)`,
		...(files ? [`INSERT INTO main.ingest_files VALUES ${files}`] : []),
		`CREATE OR REPLACE TABLE main.ingest_steps (seq INTEGER, phase VARCHAR, file VARCHAR, step VARCHAR, ms BIGINT)`,
		...(steps ? [`INSERT INTO main.ingest_steps VALUES ${steps}`] : [])
	];
}

/** Bytes per column of every store table, measured on the checkpointed database. */
export async function writeStoreReport(client: SqlClient): Promise<void> {
	const tables = (await client.query(storeTablesSql())).rows.map((r) => String(r[0]));
	if (tables.length === 0) return;
	const partitions = await readEventPartitions(client);
	await client.exec(`CREATE OR REPLACE TABLE main.store_report AS ${storeReportSql({ tables, partitions })}`);
}

export interface DatasetSummary {
	rows: number;
	firstEvent: string | null;
	lastEvent: string | null;
	complete: boolean;
}

/** Rows and time range of the store, and whether its build finished. */
export async function readDatasetSummary(client: SqlClient): Promise<DatasetSummary> {
	const built = await client.query(`SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'store_build'`);
	if (Number(built.rows[0][0]) === 0) return { rows: 0, firstEvent: null, lastEvent: null, complete: false };
	const r = await client.query(`SELECT events, (SELECT min(day) FROM main.daily), (SELECT max(day) FROM main.daily) FROM main.store_build`);
	const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : null);
	return { rows: Number(r.rows[0][0]), firstEvent: iso(r.rows[0][1]), lastEvent: iso(r.rows[0][2]), complete: true };
}
