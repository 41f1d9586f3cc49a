// A headless run on native DuckDB (`--engine native`): the page's pipeline without the page.
// The files are checked as the page checks them, ingested by the app's own ingest and store SQL
// (src/lib/ingest, src/lib/store) into a database file, and the notebook runs through the same
// framework-free NotebookRuntime and cell kinds; the model trainer runs in this process (the
// page runs the same code in a Web Worker). What differs is the engine: every core, memory up
// to DuckDB's default limit, spilling to a temp directory past it, and Parquet read by DuckDB.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STARTER_NOTEBOOK } from '../../src/lib/app/starter-notebook';
import { describeWorkspaceEvent } from '../../src/lib/app/workspace-messages';
import { checkpointAll, companionPath } from '../../src/lib/data/companion-databases';
import { errorMessage } from '../../src/lib/data/error-message';
import { ingestLogSql, readDatasetSummary, writeStoreReport } from '../../src/lib/ingest/dataset-meta';
import { ingestEvents, type IngestReport } from '../../src/lib/ingest/ingest-events';
import { SAMPLE_FILES } from '../../src/lib/ingest/sample-files';
import { NotebookRuntime, RESULTS_CACHE_SETUP, openNotebookFile } from '../../src/lib/runtime';
import { cellReport } from '../../src/lib/runtime/cell-report';
import { attachEventPartitions, partitionName, readEventPartitions, STAGING_DATABASE } from '../../src/lib/store/event-partitions';
import { NativeSqlClient } from '../bench/native-sql-client';
import { dataFiles } from './data-files';
import { NotebookImportError } from './import-notebook';
import { dataFile, nativeSources, type DataFile } from './native-sources';
import type { NotebookArgs } from './notebook-args';
import { cellJson, datasetFilesJson, failedCells, type ResultsJson } from './results-json';
import type { NotebookRun } from './run-notebook';
import { IngestError } from './upload-data';

/** `cin_events_`: partition files are this plus a number. */
const PARTITION_PREFIX = partitionName(1).replace(/1$/, '');
const SAMPLE_DIR = fileURLToPath(new URL('../../sample-data', import.meta.url));

export async function runNotebookNative(args: NotebookArgs, log: (line: string) => void = console.log): Promise<NotebookRun> {
	const say = args.quiet ? () => {} : log;
	const started = performance.now();
	const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	const files: DataFile[] = args.data.length ? dataFiles(args.data).map(dataFile) : SAMPLE_FILES.map((s) => ({ path: path.join(SAMPLE_DIR, s.file), name: s.name }));
	const doc = readNotebookArg(args.notebook);
	const db = args.db ? path.resolve(args.db) : null;
	if (db && existsSync(db)) throw new Error(`--db ${args.db} already exists: give a new file (the run ingests into an empty store), or remove it first`);

	// The spill directory (and the database, without --db) live in one temp dir, removed at the end.
	const work = mkdtempSync(path.join(os.tmpdir(), 'cin-native-'));
	const spill = path.join(work, 'spill');
	mkdirSync(spill);
	const file = db ?? path.join(work, 'notebook.duckdb');
	const threads = args.threads ?? os.availableParallelism();
	const { client, close } = await NativeSqlClient.open(file, { threads, tempDirectory: spill });
	try {
		// The page's DuckDB-WASM has no ICU, so times are UTC there; extensions are never fetched.
		await client.exec(`SET TimeZone = 'UTC'; SET autoinstall_known_extensions = false`);
		for (const sql of RESULTS_CACHE_SETUP) await client.exec(sql);
		const version = String((await client.query('SELECT version()')).rows[0][0]);
		say(`native DuckDB ${version}, ${threads} thread${threads === 1 ? '' : 's'}, spilling to ${spill}`);

		const report = await ingest(client, files, say, since);
		await attachEventPartitions(client);
		const summary = await readDatasetSummary(client);
		const built = await client.query(`SELECT built_at::VARCHAR FROM main.store_build`);
		say(`store built (${since()}); notebook run`);

		const runtime = new NotebookRuntime(doc, { listener: { warn: (message, error) => log(`${message}: ${errorMessage(error)}`) } });
		// The epoch keys every cell's fingerprint to this store, as the page's dataset id and build time do.
		await runtime.attach(client, { datasetId: null, epoch: `native:${String(built.rows[0]?.[0] ?? '')}` });
		await runtime.flushCheckpoint();
		say(`notebook done (${since()})`);

		const reports = [];
		for (const cell of runtime.cells) {
			if (cell.kind !== 'markdown') reports.push(await cellReport(cell, runtime.state(cell.id), client, args.rows));
		}
		const ingestFiles = (await client.query(`SELECT file, source_bytes, rows, rejected_lines, invalid_rows FROM main.ingest_files`)).rows;
		const results: ResultsJson = { dataset: { rows: summary.rows, files: datasetFilesJson(ingestFiles) }, cells: reports.map(cellJson) };
		if (db) await sayHowToReopen(client, args.db!, say);
		return { results, ingestNotice: report.notice, failed: failedCells(results.cells) };
	} catch (error) {
		// As the page removes a dataset whose ingest failed: no half-built store is left behind.
		if (db && error instanceof IngestError) {
			close();
			removeStore(db);
		}
		throw error;
	} finally {
		close();
		rmSync(work, { recursive: true, force: true });
	}
}

/** The database file, its WAL and the companions the store writes beside it (event partitions,
 *  staging), nothing else: a user's other files with the same stem stay. */
function removeStore(db: string): void {
	const base = path.basename(db);
	const companion = new RegExp(`^${escapeRegExp(base.replace(/\.duckdb$/, ''))}\\.(${PARTITION_PREFIX}\\d+|${STAGING_DATABASE})\\.duckdb(\\.wal)?$`);
	const dir = path.dirname(db);
	for (const name of readdirSync(dir)) {
		if (name === base || name === `${base}.wal` || companion.test(name)) rmSync(path.join(dir, name), { force: true });
	}
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files into the store, then what the page leaves beside it (ingest log, storage report). */
async function ingest(client: NativeSqlClient, files: readonly DataFile[], say: (line: string) => void, since: () => string): Promise<{ report: IngestReport; notice: string }> {
	let report: IngestReport;
	let notes: string[];
	try {
		const planned = await nativeSources(client, files);
		notes = planned.notes;
		say(`ingesting ${files.length} file${files.length > 1 ? 's' : ''}…`);
		let last = '';
		report = await ingestEvents(client, planned.sources, {
			afterStep: () => checkpointAll(client),
			onProgress: (p) => {
				const step = p.file ? `${p.file}: ${p.step}` : p.step;
				if (step !== last) say(`  ${(last = step)}  (${since()})`);
			}
		});
		for (const sql of ingestLogSql(report)) await client.exec(sql);
		await client.exec('CHECKPOINT');
		await writeStoreReport(client);
		await client.exec('CHECKPOINT');
	} catch (error) {
		throw new IngestError(errorMessage(error));
	}
	const name = files.length === 1 ? files[0].name : `${files[0].name} + ${files.length - 1} more`;
	return { report, notice: describeWorkspaceEvent({ type: 'ingested', name, report, notes }).text };
}

function readNotebookArg(notebook: string | null) {
	if (notebook === null) return openOrThrow(STARTER_NOTEBOOK, 'the default notebook');
	let text: string;
	try {
		text = readFileSync(notebook, 'utf8');
	} catch (error) {
		throw new NotebookImportError(`cannot read ${notebook}: ${errorMessage(error)}`);
	}
	return openOrThrow(text, path.basename(notebook));
}

function openOrThrow(text: string, name: string) {
	const opened = openNotebookFile(text, name);
	if (!opened.ok) throw new NotebookImportError(opened.message);
	return opened.doc;
}

/** With --db the store stays: how to query it again in the DuckDB CLI. */
async function sayHowToReopen(client: NativeSqlClient, db: string, say: (line: string) => void): Promise<void> {
	const partitions = await readEventPartitions(client);
	say(`the store stays in ${db}, its events in ${partitions.map((p) => path.basename(companionPath(db, p))).join(', ')}`);
	say(`  DuckDB CLI: npm run notebook -- export-sql [notebook.md] --db ${db} --out notebook.sql && duckdb ${db} < notebook.sql`);
}
