// Ingest: source files → the optimised store (`events` + fact tables) of one dataset, step by
// step, with progress, cancellation and a log of what each step took. Framework-free: the
// caller opens each source (registers a CSV, streams Parquet batches…) and gets SQL back.
import type { StoreClient } from '../data/companion-databases';
import { quoteIdent } from '../data/sql';
import type { SqlClient } from '../data/sql-client';
import { appendEventsSql, buildStorePlan, dayCountsSql, eventMonthsSql, partitionsFor } from '../store';
import { APPEND_ROWS_PER_PASS } from '../store/append-events';
import {
	addPartitionSql,
	partitionName,
	partitionTable,
	readEventPartitions,
	ROWS_PER_PARTITION,
	STAGING_DATABASE
} from '../store/event-partitions';
import { CLEAR_REJECTS_SQL, REJECTS_SUMMARY_SQL } from './csv-source';
import { DataFileError } from './data-file-error';
import { EVENT_COLUMNS } from '../store/event-columns';
import { IngestJob, type IngestJobOptions, type StepTiming } from './ingest-job';
import { STAGING_SETTINGS, withSettings } from './staging-settings';

export type { IngestProgress, StepTiming } from './ingest-job';

export interface OpenedSource {
	/** SQL relation with the raw event columns. */
	relation: string;
	/** Whether malformed lines land in DuckDB's reject tables (CSV). */
	rejects: boolean;
	/** Settles once the source is known to be whole; rejects with a DataFileError if it was cut short. */
	whole?: Promise<void>;
	/** The same rows read as Latin-1, for a CSV whose head was plain ASCII: used if later bytes are not UTF-8. */
	latin1Relation?: string;
	close(): Promise<void>;
}

export interface IngestSource {
	name: string;
	bytes: number;
	/** A guess of the rows, to size the bounded passes (the real count is measured). */
	rowsHint: number;
	open(signal: AbortSignal): Promise<OpenedSource>;
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
	/** Why those rows were refused, most frequent first. */
	invalidReasons: { reason: string; rows: number }[];
	/** The first line that was not UTF-8, when the file was therefore read again as Latin-1. */
	latin1FromLine?: number;
}

export interface IngestReport {
	files: FileReport[];
	rows: number;
	months: string[];
	steps: StepTiming[];
	totalMs: number;
}

export interface IngestOptions extends IngestJobOptions {
	/** Events per partition file (event-partitions.ts); default ROWS_PER_PARTITION. */
	rowsPerPartition?: number;
}

/** Where a source's raw rows are copied once, parsed, and read by every pass: its own file,
 *  removed after the append, so the bytes of raw text never stay in the dataset. */
const STAGING = `${quoteIdent(STAGING_DATABASE)}.main.events_staging`;

/**
 * Appends each source to the store, then builds the fact tables. Work is weighted by rows:
 * appending reads each row several times, the build about as often.
 */
export async function ingestEvents(client: StoreClient, sources: readonly IngestSource[], options: IngestOptions = {}): Promise<IngestReport> {
	const job = new IngestJob(client, options, sources.reduce((n, s) => n + s.rowsHint, 0) * 2);
	const files = await appendAll(job, client, sources, options);
	const { rows, months } = await buildFacts(job, job.work / 2);
	return { files, rows, months, steps: job.steps, totalMs: Math.round(performance.now() - job.started) };
}

/** The append half of an ingest alone (the benchmark times it apart from the build). */
export async function appendSources(client: StoreClient, sources: readonly IngestSource[], options: IngestOptions = {}): Promise<{ files: FileReport[]; steps: StepTiming[] }> {
	const job = new IngestJob(client, options, sources.reduce((n, s) => n + s.rowsHint, 0));
	return { files: await appendAll(job, client, sources, options), steps: job.steps };
}

/** The build half alone: every fact table from `events`. */
export async function buildStore(client: SqlClient, options: IngestJobOptions = {}): Promise<{ rows: number; months: string[]; steps: StepTiming[] }> {
	const job = new IngestJob(client, options, 1);
	return { ...(await buildFacts(job, 1)), steps: job.steps };
}

async function appendAll(job: IngestJob, client: StoreClient, sources: readonly IngestSource[], options: IngestOptions): Promise<FileReport[]> {
	const files: FileReport[] = [];
	for (const source of sources) files.push(await appendSource(job, client, source, options));
	return files;
}

/**
 * One source: stage its rows in a companion database, add as many new partitions of events as
 * they need, append them in bounded time slices, and remove the staging file.
 */
async function appendSource(job: IngestJob, client: StoreClient, source: IngestSource, options: IngestOptions): Promise<FileReport> {
	if (job.signal.aborted) throw new DOMException('cancelled', 'AbortError');
	const signal = job.signal;
	job.progress('append', 'opening', source.name);
	const t0 = performance.now();
	const opened = await source.open(signal);
	job.log('append', source.name, 'open', t0);
	// Awaited after staging; until then a rejection must not go unhandled.
	opened.whole?.catch(() => {});
	try {
		await client.attach(STAGING_DATABASE);
		const before = await job.scalar(`SELECT count(*) FROM main.events`).catch(() => 0);
		const reasonsBefore = await invalidReasons(job);
		if (opened.rejects) await client.exec(CLEAR_REJECTS_SQL, { signal });
		const raw = EVENT_COLUMNS.map(([name]) => quoteIdent(name)).join(', ');
		// Staging is about a third of the work of a source; the passes share the rest.
		const stage = (relation: string) => ({ name: 'stage events', sql: `CREATE OR REPLACE TABLE ${STAGING} AS SELECT ${raw} FROM ${relation}` });
		await withSettings(client, STAGING_SETTINGS, () => job.run('append', source.name, stage(opened.relation), source.rowsHint / 3));
		let report = opened.rejects ? await rejectedLines(client, signal) : { rejectedLines: 0, rejectedExamples: [] };
		let latin1FromLine: number | undefined;
		const notUtf8 = report.rejectedExamples.find((e) => INVALID_UNICODE.test(e.message));
		if (notUtf8 && opened.latin1Relation) {
			// Plain ASCII at the start, other bytes later: an export in Latin-1, read again as such.
			latin1FromLine = notUtf8.line;
			await client.exec(CLEAR_REJECTS_SQL, { signal });
			await withSettings(client, STAGING_SETTINGS, () => job.run('append', source.name, stage(opened.latin1Relation!), 0));
			report = await rejectedLines(client, signal);
		}
		await opened.whole;
		const staged = await job.scalar(`SELECT count(*) FROM ${STAGING}`);
		if (staged === 0) throw noRows(source.name, report);

		const existing = await readEventPartitions(client, { signal });
		const count = partitionsFor(staged, options.rowsPerPartition ?? ROWS_PER_PARTITION);
		const added = Array.from({ length: count }, (_, i) => partitionName(existing.length + i + 1));
		// Whole passes per partition: pass k of n goes to partition floor(k * count / n).
		const passes = count * Math.ceil(partitionsFor(staged, APPEND_ROWS_PER_PASS) / count);
		const plan = appendEventsSql(STAGING, {
			staged: true,
			passes,
			invalidRows: 'route',
			target: (k, n) => partitionTable(added[Math.floor((k * count) / n)])
		});
		const weight = (source.rowsHint * 2) / 3 / (plan.length + count);
		await job.run('append', source.name, plan[0], weight); // prepare store: creates event_partitions
		for (const [i, name] of added.entries()) {
			await client.attach(name);
			const sql = addPartitionSql(name, [...existing, ...added.slice(0, i)], source.name);
			await job.run('append', source.name, { name: `new partition ${i + 1}/${count}`, sql }, weight);
		}
		for (const step of plan.slice(1)) await job.run('append', source.name, step, weight);
		// The partitions are complete and never written again.
		for (const name of added) await client.finish(name);
		const rows = (await job.scalar(`SELECT count(*) FROM main.events`)) - before;
		const reasons = [...(await invalidReasons(job))]
			.map(([reason, n]) => ({ reason, rows: n - (reasonsBefore.get(reason) ?? 0) }))
			.filter((r) => r.rows > 0)
			.sort((a, b) => b.rows - a.rows);
		const invalidRows = reasons.reduce((n, r) => n + r.rows, 0);
		return { name: source.name, bytes: source.bytes, rows, invalidRows, invalidReasons: reasons, ...report, ...(latin1FromLine ? { latin1FromLine } : {}) };
	} finally {
		await opened.close().catch(() => {});
		await client.detach(STAGING_DATABASE, { remove: true }).catch(() => {});
	}
}

/** Rows in events_rejected by reason (none before the store exists). */
async function invalidReasons(job: IngestJob): Promise<Map<string, number>> {
	const r = await job.client.query(`SELECT reason, count(*) FROM main.events_rejected GROUP BY reason`, { signal: job.signal }).catch(() => null);
	return new Map((r?.rows ?? []).map(([reason, n]) => [String(reason), Number(n)]));
}

/** DuckDB's reject message for bytes that are not valid in the encoding read. */
const INVALID_UNICODE = /Invalid unicode/i;

async function buildFacts(job: IngestJob, work: number): Promise<{ rows: number; months: string[] }> {
	const rows = await job.scalar(`SELECT count(*) FROM main.events`);
	const months = (await job.client.query(eventMonthsSql(), { signal: job.signal })).rows.map((r) => String(r[0]));
	const days = (await job.client.query(dayCountsSql(), { signal: job.signal })).rows.map(([day, n]) => [String(day), Number(n)] as const);
	const build = buildStorePlan({ rows, months, days });
	for (const step of build) await job.run('build', null, step, work / build.length);
	job.progress('build', 'done');
	return { rows, months };
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
