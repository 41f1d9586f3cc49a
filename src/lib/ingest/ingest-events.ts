// Ingest: source files → the optimised store (`events` + fact tables) of one database, step by
// step, with progress, cancellation and a log of what each step took. Framework-free: the
// caller opens each source (registers a CSV, streams Parquet batches…) and gets SQL back.
import type { SqlClient } from '../data/sql-client';
import { appendEventsSql, buildStorePlan, eventMonthsSql, type StoreStep } from '../store';
import { CLEAR_REJECTS_SQL, REJECTS_SUMMARY_SQL } from './csv-source';
import { DataFileError } from './data-file-error';
import { DatabaseSizeError, databaseFileBytes } from '../store/database-size-limit';

export interface OpenedSource {
	/** SQL relation with the raw event columns. */
	relation: string;
	/** Whether malformed lines land in DuckDB's reject tables (CSV). */
	rejects: boolean;
	close(): Promise<void>;
}

export interface IngestSource {
	name: string;
	bytes: number;
	/** A guess of the rows, to size the bounded passes (the real count is measured). */
	rowsHint: number;
	open(signal: AbortSignal): Promise<OpenedSource>;
}

export interface IngestProgress {
	phase: 'append' | 'build';
	step: string;
	file?: string;
	/** Share of the whole ingest done, in [0, 1]. */
	fraction: number;
	elapsedMs: number;
	/** Estimated time left; null until a first step has finished. */
	remainingMs: number | null;
}

export interface StepTiming {
	phase: 'append' | 'build';
	file: string | null;
	step: string;
	ms: number;
}

export interface RejectedLine {
	line: number;
	message: string;
	text: string;
}

export interface FileReport {
	name: string;
	bytes: number;
	rows: number;
	/** Lines the CSV reader could not parse (wrong field count, unreadable values). */
	rejectedLines: number;
	rejectedExamples: RejectedLine[];
	/** Parsed rows the store refused (unknown event_type, no time…), kept in events_rejected. */
	invalidRows: number;
}

export interface IngestReport {
	files: FileReport[];
	rows: number;
	months: string[];
	steps: StepTiming[];
	totalMs: number;
}

export interface IngestOptions {
	signal?: AbortSignal;
	onProgress?: (p: IngestProgress) => void;
	/** Called after each step: DuckDB-WASM needs CHECKPOINTs to make writes durable in OPFS. */
	afterStep?: () => Promise<void>;
	/** Stop once the database file is larger than this (see store/database-size-limit.ts). */
	maxDatabaseBytes?: number;
}

const scalar = async (client: SqlClient, sql: string, signal?: AbortSignal) => Number((await client.query(sql, { signal })).rows[0][0]);

export async function ingestEvents(client: SqlClient, sources: readonly IngestSource[], options: IngestOptions = {}): Promise<IngestReport> {
	const signal = options.signal ?? new AbortController().signal;
	const started = performance.now();
	const steps: StepTiming[] = [];
	const files: FileReport[] = [];
	// Work is weighted by rows: appending reads each row several times, the build about as often.
	const appendWork = sources.reduce((n, s) => n + s.rowsHint, 0) || 1;
	const total = appendWork * 2;
	let done = 0;
	const progress = (phase: IngestProgress['phase'], step: string, file?: string) => {
		const elapsedMs = performance.now() - started;
		const fraction = Math.min(1, done / total);
		options.onProgress?.({ phase, step, file, fraction, elapsedMs, remainingMs: fraction > 0.02 ? (elapsedMs * (1 - fraction)) / fraction : null });
	};
	const checkSize = async () => {
		if (options.maxDatabaseBytes === undefined) return;
		const bytes = await databaseFileBytes(client).catch(() => 0);
		if (bytes > options.maxDatabaseBytes) {
			const rows = await scalar(client, `SELECT count(*) FROM main.events`).catch(() => null);
			throw new DatabaseSizeError(bytes, options.maxDatabaseBytes, rows);
		}
	};
	const run = async (phase: IngestProgress['phase'], file: string | null, step: StoreStep, weight: number) => {
		progress(phase, step.name, file ?? undefined);
		const t0 = performance.now();
		try {
			await client.exec(step.sql, { signal });
			await options.afterStep?.();
			await checkSize();
		} catch (error) {
			if (signal.aborted || !(error instanceof Error) || error instanceof DatabaseSizeError) throw error;
			// Past the limit, DuckDB's own error (a checksum, say) is a symptom: name the cause.
			await checkSize();
			// Say where: "out of memory" alone does not tell which pass to make smaller.
			error.message = `${file ? `${file}, ` : ''}step "${step.name}": ${error.message}`;
			throw error;
		}
		steps.push({ phase, file, step: step.name, ms: Math.round(performance.now() - t0) });
		done += weight;
	};

	for (const source of sources) {
		if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
		progress('append', 'opening', source.name);
		const t0 = performance.now();
		const opened = await source.open(signal);
		steps.push({ phase: 'append', file: source.name, step: 'open', ms: Math.round(performance.now() - t0) });
		try {
			const before = await scalar(client, `SELECT count(*) FROM main.events`).catch(() => 0);
			const invalidBefore = await scalar(client, `SELECT count(*) FROM main.events_rejected`).catch(() => 0);
			const plan = appendEventsSql(opened.relation, { rows: source.rowsHint, invalidRows: 'route' });
			const weight = source.rowsHint / plan.length;
			let report: Pick<FileReport, 'rejectedLines' | 'rejectedExamples'> = { rejectedLines: 0, rejectedExamples: [] };
			for (const step of plan) {
				if (step.name === 'stage events' && opened.rejects) await client.exec(CLEAR_REJECTS_SQL, { signal });
				await run('append', source.name, step, weight);
				if (step.name === 'stage events') {
					if (opened.rejects) report = await rejectedLines(client, signal);
					const staged = await scalar(client, `SELECT count(*) FROM main.events_staging`, signal);
					if (staged === 0) throw noRows(source.name, report);
				}
			}
			const rows = (await scalar(client, `SELECT count(*) FROM main.events`, signal)) - before;
			const invalidRows = (await scalar(client, `SELECT count(*) FROM main.events_rejected`, signal)) - invalidBefore;
			files.push({ name: source.name, bytes: source.bytes, rows, invalidRows, ...report });
		} finally {
			await opened.close().catch(() => {});
		}
	}

	const rows = await scalar(client, `SELECT count(*) FROM main.events`, signal);
	const months = (await client.query(eventMonthsSql(), { signal })).rows.map((r) => String(r[0]));
	const build = buildStorePlan({ rows, months });
	for (const step of build) await run('build', null, step, appendWork / build.length);
	progress('build', 'done');
	return { files, rows, months, steps, totalMs: Math.round(performance.now() - started) };
}

async function rejectedLines(client: SqlClient, signal: AbortSignal): Promise<Pick<FileReport, 'rejectedLines' | 'rejectedExamples'>> {
	const r = await client.query(REJECTS_SUMMARY_SQL, { signal }).catch(() => null);
	if (!r || r.rows.length === 0) return { rejectedLines: 0, rejectedExamples: [] };
	return {
		rejectedLines: Number(r.rows[0][4]),
		rejectedExamples: r.rows.map((row) => ({ line: Number(row[0]), message: String(row[2]), text: String(row[3] ?? '') }))
	};
}

function noRows(file: string, report: Pick<FileReport, 'rejectedLines' | 'rejectedExamples'>): DataFileError {
	const example = report.rejectedExamples[0];
	return new DataFileError(
		example
			? `No row of ${file} could be read (${report.rejectedLines.toLocaleString('en-US')} malformed lines), e.g. line ${example.line}: ${example.message}. Check that it is the event log export.`
			: `${file} has no rows of data.`
	);
}
