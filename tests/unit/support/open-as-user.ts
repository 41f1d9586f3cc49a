// What a user sees when they open a file: the same steps as the dataset workspace and the
// notebook session (check the files, ingest into a new dataset's database or load a table,
// read a notebook) on the real DuckDB-WASM engine, ending in the notice the page shows.
// The ingest runs its append half only: what the notice reports (rows, malformed lines,
// refused rows, encodings, a source cut short) is all decided there, and building the fact
// tables of a few rows costs seconds per file (ingest-events.test.ts covers the build).
import type { DuckDBClient } from '../../../src/lib/data/duckdb-client';
import { describeWorkspaceEvent, type Notice } from '../../../src/lib/app/workspace-messages';
import { appendSources } from '../../../src/lib/ingest/ingest-events';
import { openDataFile } from '../../../src/lib/ingest/open-file';
import { planFileIngest, type FileIngestPlan } from '../../../src/lib/ingest/plan-file-ingest';
import { openNotebookFile, openSharedNotebook } from '../../../src/lib/runtime/read-notebook';
import type { NotebookDocument } from '../../../src/lib/notebook';
import { quoteIdent } from '../../../src/lib/data/sql';
import { WasmTestClient } from './wasm-client';

export interface DataOutcome {
	notice: Notice;
	/** The new dataset's events, when one was made. */
	events: number | null;
}

let opened = 0;

/**
 * Opens data files as the "Open data…" button does, into a new empty database of `client` (a
 * dataset of its own, as in the app, without compiling another engine per file); `look` runs
 * in that database before it is dropped. The ingest time in the notice reads "in … s".
 */
export async function openDataAsUser(client: WasmTestClient, files: File[], look?: (client: WasmTestClient) => Promise<void>): Promise<DataOutcome> {
	const plan = await planFileIngest(files);
	if (plan.kind === 'error') return { notice: describeWorkspaceEvent({ type: 'files-refused', message: plan.error }), events: null };
	const database = `dataset_${++opened}`;
	await client.exec(`ATTACH ':memory:' AS ${database}; USE ${database}`);
	try {
		const outcome = await openInto(client, files, plan);
		await look?.(client);
		return outcome;
	} finally {
		// The dataset's database and its companions (event partitions, staging) go with it.
		await client.exec('USE memory');
		const attached = await client.query(`SELECT database_name FROM duckdb_databases() WHERE NOT internal AND database_name <> 'memory'`);
		for (const [name] of attached.rows) await client.exec(`DETACH ${quoteIdent(String(name))}`);
	}
}

async function openInto(client: WasmTestClient, files: File[], plan: Exclude<FileIngestPlan, { kind: 'error' }>): Promise<DataOutcome> {
	const engine = client as unknown as DuckDBClient;
	if (plan.kind === 'table') {
		try {
			const opened = await openDataFile(engine, plan.file);
			return { notice: describeWorkspaceEvent({ type: 'table-loaded', fileName: plan.file.name, rows: opened.rows, table: opened.table }), events: null };
		} catch (error) {
			return { notice: describeWorkspaceEvent({ type: 'table-failed', error }), events: null };
		}
	}
	const name = files.length === 1 ? files[0].name : `${files[0].name} + ${files.length - 1} more`;
	try {
		const { files: reports, steps } = await appendSources(client, plan.sources(engine));
		const rows = Number((await client.query('SELECT count(*) FROM main.events')).rows[0][0]);
		const report = { files: reports, rows, months: [], steps, totalMs: 0 };
		const notice = describeWorkspaceEvent({ type: 'ingested', name, report, notes: plan.notes });
		return { notice: { ...notice, text: notice.text.replace(/ in \d+\.\d s\./, ' in … s.') }, events: report.rows };
	} catch (error) {
		return { notice: describeWorkspaceEvent({ type: 'ingest-failed', title: `Ingesting ${name}`, cancelled: false, error }), events: null };
	}
}

export function openNotebookAsUser(text: string, fileName: string): { notice: string; doc: NotebookDocument | null } {
	const opened = openNotebookFile(text, fileName);
	return opened.ok ? { notice: [`Opened ${fileName}.`, ...opened.notes].join(' '), doc: opened.doc } : { notice: opened.message, doc: null };
}

/** Opens a shared-notebook link (its `#nb=…` fragment) as the page does on load. */
export async function openLinkAsUser(hash: string): Promise<{ notice: string; doc: NotebookDocument | null }> {
	const opened = await openSharedNotebook(hash);
	return opened.ok ? { notice: ['Opened the linked notebook.', ...opened.notes].join(' '), doc: opened.doc } : { notice: opened.message, doc: null };
}
