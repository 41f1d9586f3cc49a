// The default notebook end to end in Node, as the page runs it: the committed sample goes
// through the app's ingest (head check → CSV reader → compact events → fact tables → report),
// then the notebook runtime (document → graph → scheduler → cell kinds) on the real DuckDB-WASM engine. Every cell must
// finish, and changing an input must re-run only the cells that read it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_NOTEBOOK } from '../../../src/lib/app/starter-notebook';
import { checkCsvHead } from '../../../src/lib/ingest/csv-head';
import { eventsCsvSource } from '../../../src/lib/ingest/csv-source';
import { ingestLogSql, writeStoreReport } from '../../../src/lib/ingest/dataset-meta';
import { ingestEvents, type IngestSource } from '../../../src/lib/ingest/ingest-events';
import { descendants, type NotebookDocument } from '../../../src/lib/notebook';
import { HEADLINES, nativeRaw } from './headline-crosscheck';
import { NotebookRuntime, readNotebook, RESULTS_CACHE_SETUP, type CellState } from '../../../src/lib/runtime';
import { WasmTestClient } from '../support/wasm-client';

const SAMPLE = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

function sampleSource(file: string): IngestSource {
	const check = checkCsvHead(file, gunzipSync(readFileSync(file)).subarray(0, 65536).toString());
	if (!check.ok) throw new Error(check.error);
	return { name: path.basename(file), bytes: readFileSync(file).byteLength, rowsHint: 160_000, open: async () => ({ relation: eventsCsvSource(file, check.layout), rejects: true, close: async () => {} }) };
}

let db: WasmTestClient;
let doc: NotebookDocument;
let run: ReturnType<typeof harness>;
beforeAll(async () => {
	db = await WasmTestClient.open(RESULTS_CACHE_SETUP);
	const report = await ingestEvents(db, SAMPLE.map(sampleSource));
	for (const sql of ingestLogSql(report)) await db.exec(sql);
	await db.exec('CHECKPOINT');
	await writeStoreReport(db);
	doc = readNotebook(STARTER_NOTEBOOK);
	run = harness(doc);
	await run.runtime.attach(db, { datasetId: null, epoch: 'test' });
}, 300_000);
afterAll(async () => {
	await run.runtime.detach();
	db.close();
});

/** The runtime the page uses, recording which cells ran. */
function harness(doc: NotebookDocument) {
	const states = new Map<string, CellState>();
	const ran: string[] = [];
	const runtime: NotebookRuntime = new NotebookRuntime(doc, {
		listener: {
			cellState: (id, state) => {
				states.set(id, state);
				if (state.status === 'running') ran.push(runtime.cell(id)?.name ?? id);
			}
		}
	});
	return { runtime, states, ran };
}

describe('the Customer Intelligence notebook on the committed sample', () => {
	it('has every section of the platform, in order', () => {
		const headings = [...STARTER_NOTEBOOK.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual([
			'1. Data optimisation',
			'2. Executive overview',
			'3. Data explorer and quality',
			'4. Conversion funnel',
			'5. Temporal patterns',
			'6. RFM segmentation',
			'7. Cohort retention',
			'8. Market basket',
			'9. Propensity model',
			'10. Experiment lab'
		]);
	});

	it('runs every cell to done', () => {
		const { states } = run;
		const failures = doc.cells
			.filter((c) => c.kind !== 'markdown')
			.map((c) => ({ cell: c.name, status: states.get(c.id)?.status, error: states.get(c.id)?.error?.message ?? null }))
			.filter((s) => s.status !== 'done');
		expect(failures).toEqual([]);
	});

	it('gives the headline numbers an independent native DuckDB computation gives on the raw files', async () => {
		const ours = async (sql: string) => (await db.query(`SELECT COLUMNS(*)::VARCHAR FROM (${sql})`)).rows.map((r) => r.map(String));
		const native = await nativeRaw(SAMPLE);
		try {
			for (const [label, mine, independent] of HEADLINES) {
				const rows = await ours(mine);
				expect(rows.length, label).toBeGreaterThan(0);
				expect({ label, rows }).toEqual({ label, rows: await native(independent) });
			}
		} finally {
			native.close();
		}
	}, 120_000);

	it('re-runs only the dependants of a changed input', async () => {
		const { runtime, ran } = run;
		const input = doc.cells.find((c) => c.name === 'basket_min_lift')!;
		const readers = doc.cells.filter((c) => c.kind === 'sql' && /\$basket_min_lift\b/.test(c.source)).map((c) => c.name);
		expect(readers.length).toBeGreaterThan(0);
		ran.length = 0;
		await runtime.setInput(input.id, 1.5);
		const edited = runtime.cells;
		expect(ran[0]).toBe('basket_min_lift');
		for (const name of readers) expect(ran).toContain(name);
		// Exactly the input and its descendants ran: the rest of the notebook is untouched.
		const expected = new Set([input.id, ...descendants(runtime.graph, [input.id])]);
		const nameOf = (id: string) => edited.find((c) => c.id === id)!.name ?? id;
		expect([...ran].sort()).toEqual([...expected].map(nameOf).sort());
		expect(ran.length).toBeLessThan(doc.cells.length / 4);
	}, 240_000);
});
