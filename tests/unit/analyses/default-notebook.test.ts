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
			'Recommendations',
			'1. Data optimisation',
			'2. Executive overview',
			'3. Data explorer and quality',
			'4. Conversion funnel',
			'5. Temporal patterns',
			'6. RFM segmentation',
			'7. Cohort retention',
			'8. Market basket',
			'9. Propensity model',
			'10. Experiment lab',
			'11. From insight to action'
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

	it('recommends from measured figures: partners of the most bought product, audiences of their direct counts, summary picks from their sources', async () => {
		const rows = async (sql: string) => (await db.query(sql)).rows;
		const columns = (await db.query('SELECT * FROM nb.also_bought LIMIT 0')).columns.map((c) => c.name);
		expect(columns.slice(0, 10)).toEqual(['level', 'basket', 'item', 'partner', 'partner_brand', 'partner_category', 'baskets_ab', 'support', 'confidence', 'lift']);
		const [[top]] = await rows('SELECT CAST(product_id AS VARCHAR) FROM products ORDER BY purchases DESC, product_id LIMIT 1');
		expect(await rows('SELECT DISTINCT level, basket, item FROM nb.also_bought')).toEqual([['product', 'user', top]]);
		// Every partner of the stored pairs, and only those, ranked by lift.
		const [[pairs]] = await rows(`SELECT count(*) FROM purchase_pairs WHERE level = 'user' AND baskets >= 2 AND ${top} IN (product_a, product_b)`);
		expect(await rows('SELECT count(*) FROM nb.also_bought')).toEqual([[pairs]]);

		// An audience's size is the direct count of its rule over the users as of the test cut.
		const audiences = new Map((await rows('SELECT audience, users FROM nb.audiences')).map(([a, n]) => [a, n]));
		const [[champions]] = await rows(`SELECT count(*) FROM nb.features_test WHERE rfm_segment = 'Champions'`);
		const [[likely]] = await rows(`SELECT count(*) FROM (
			SELECT f.rfm_segment, NTILE(10) OVER (PARTITION BY f.purchases > 0 ORDER BY s.score DESC, f.user_id) AS among_peers
			FROM nb.features_test f JOIN nb.propensity_scores s USING (user_id))
			WHERE rfm_segment IN ('At risk', 'Can''t lose them') AND among_peers <= 3`);
		expect([audiences.get('Champions'), audiences.get('At risk, likely to return')]).toEqual([champions, likely]);
		// The exported list is the chosen audience (the first, by default), whole.
		expect(await rows('SELECT count(*) FROM nb.audience_users')).toEqual([[likely]]);

		// The summary's one-row picks against their sources.
		const [[step, lost]] = await rows('SELECT step, lost_pct FROM nb.summary_funnel');
		const [[worst]] = await rows(`SELECT max(100 - pct_of_previous) FROM nb.funnel_steps WHERE unit = 'users' AND step_no > 1`);
		expect(typeof step).toBe('string');
		expect(lost as number).toBeCloseTo(worst as number, 10);
		const [[churn]] = await rows('SELECT week1_churn_pct FROM nb.summary_week1');
		const [[kept]] = await rows(`SELECT retained_pct FROM nb.cohort_curve WHERE activity = 'any event' AND week_number = 1`);
		expect(churn).toBeCloseTo(100 - (kept as number), 10);
		const [[hours]] = await rows('SELECT peak_hours FROM nb.summary_hours');
		const top3 = (await rows('SELECT hour FROM nb.temporal_by_hour ORDER BY purchases DESC, hour LIMIT 3')).map(([h]) => `${String(h).padStart(2, '0')}:00`);
		expect(hours).toBe(top3.join(', '));
		const [[lift]] = await rows('SELECT lift_at_k FROM nb.summary_model');
		const [[measured]] = await rows(`SELECT round(lift_at_k, 2) FROM nb.propensity_metrics WHERE model = 'gbdt (temporal)'`);
		expect(lift).toBe(measured);
	});

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
