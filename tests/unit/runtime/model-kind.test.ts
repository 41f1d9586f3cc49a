// The model cell kind through the runtime on the real engine, with the in-process trainer behind
// a counter: when it trains, when it reuses the saved model, cancel, and its errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKinds, DEFAULT_KINDS, NotebookRuntime, readNotebook, RESULTS_CACHE_SETUP } from '../../../src/lib/runtime';
import { inProcessTrainer, type Trainer } from '../../../src/lib/model/trainer';
import { rankScores } from '../../../src/lib/model/rank-scores';
import { topK } from '../../../src/lib/model/top-k';
import { modelKind } from '../../../src/lib/runtime/kinds/model/model-kind';
import { WasmTestClient } from '../support/wasm-client';

// Users whose label depends on a (strongly) and b (not at all), seeded by hash.
const users = (from: number, to: number) => `SELECT i AS user_id,
  CASE WHEN i % 7 >= 4 AND hash(i) % 10 < 8 THEN 1 WHEN hash(i) % 10 < 1 THEN 1 ELSE 0 END AS label,
  (i % 7)::DOUBLE AS a, (hash(i * 3) % 100)::DOUBLE AS b, 'x' AS note
FROM range(${from}, ${to}) t(i)`;

const NOTEBOOK = `---
notebook: customer-intelligence-notebook
version: 1
---

\`\`\`input name=who
{"type": "text", "value": ""}
\`\`\`

\`\`\`sql name=train_users
${users(0, 3000)}
\`\`\`

\`\`\`sql name=test_users
${users(3000, 5000)}
\`\`\`

\`\`\`model name=m
{"train": "train_users", "test": "test_users", "k": 10, "explain": "$who", "random_split": 0.3, "gbdt": {"trees": 15, "min_leaf": 20}}
\`\`\`

\`\`\`sql name=top
SELECT count(*) AS n FROM m_scores WHERE decile = 1
\`\`\`
`;

let db: WasmTestClient;
let trainings = 0;
let hold: ((signal: AbortSignal) => Promise<void>) | null = null;
const counting: Trainer = {
	async train(request, onProgress, signal) {
		trainings += 1;
		if (hold && signal) await hold(signal);
		return inProcessTrainer.train(request, onProgress, signal);
	},
	trainRandomSplit: (request, onProgress, signal) => inProcessTrainer.trainRandomSplit(request, onProgress, signal)
};
const kinds = cellKinds(...[...DEFAULT_KINDS.values()].filter((k) => k.kind !== 'model'), modelKind(() => counting));

function open(text = NOTEBOOK) {
	const runtime = new NotebookRuntime(readNotebook(text, { kinds }), { kinds });
	const id = (name: string) => runtime.cells.find((c) => c.name === name)!.id;
	return { runtime, id };
}

beforeAll(async () => {
	db = await WasmTestClient.open();
	for (const sql of RESULTS_CACHE_SETUP) await db.exec(sql);
});
afterAll(() => db.close());

describe('model cells', () => {
	it('train once, write every table, and read only numeric columns but the id and the label as features', async () => {
		const nb = open();
		await nb.runtime.attach(db, { datasetId: null, epoch: 'model-1' });
		expect(nb.runtime.state(nb.id('m')).status).toBe('done');
		expect(trainings).toBe(1);
		const tables = (await db.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'nb' AND table_name LIKE 'm%' ORDER BY 1`)).rows.flat();
		expect(tables).toEqual(['m', 'm_calibration', 'm_explain', 'm_gains', 'm_history', 'm_importance', 'm_metrics', 'm_model', 'm_roc', 'm_scores']);
		expect((await db.query(`SELECT feature FROM nb.m_importance ORDER BY share DESC`)).rows.flat()).toEqual(['a', 'b']);
		expect((await db.query(`SELECT count(*), count(DISTINCT user_id) FROM nb.m_scores`)).rows[0]).toEqual([2000, 2000]);
		const [auc] = (await db.query(`SELECT auc FROM nb.m_metrics WHERE model = 'gbdt (temporal)'`)).rows[0];
		expect(auc).toBeGreaterThan(0.75);
		expect(nb.runtime.state(nb.id('top')).status).toBe('done');
		await nb.runtime.detach();
	});

	it('reuse the saved model after a reload, and to explain another user; retrain when a feature cell changes', async () => {
		const nb = open();
		await nb.runtime.attach(db, { datasetId: null, epoch: 'model-1' });
		expect(nb.runtime.state(nb.id('m')).status).toBe('done');
		expect(trainings).toBe(1);

		await nb.runtime.setInput(nb.id('who'), '3001');
		expect(nb.runtime.state(nb.id('m')).status).toBe('done');
		expect(trainings).toBe(1);
		const explained = await db.query(`SELECT DISTINCT user_id FROM nb.m_explain`);
		expect(explained.rows).toEqual([[3001]]);

		// A new top share: the @k metrics come from the saved scores of each model, no training.
		nb.runtime.edit(nb.id('m'), nb.runtime.cell(nb.id('m'))!.source.replace('"k": 10', '"k": 20'));
		await nb.runtime.run(nb.id('m'));
		expect(trainings).toBe(1);
		const metrics = await db.query(`SELECT model, k, precision_at_k FROM nb.m_metrics ORDER BY model`);
		expect(metrics.rows.map((r) => r[1])).toEqual([0.2, 0.2, 0.2]);
		const scored = await db.query(`SELECT score, label FROM nb.m_scores`);
		const top = topK(rankScores(Float32Array.from(scored.rows, (r) => Number(r[0])), Uint8Array.from(scored.rows, (r) => Number(r[1]))), 0.2);
		expect(metrics.rows.find((r) => r[0] === 'gbdt (temporal)')![2]).toBeCloseTo(top.precision, 6);
		const random = await db.query(`SELECT count(random_split_score) FROM nb.m_scores`);
		expect(random.rows[0][0]).toBe(600);

		nb.runtime.edit(nb.id('train_users'), users(0, 2500));
		await nb.runtime.run(nb.id('train_users'));
		expect(nb.runtime.state(nb.id('m')).status).toBe('done');
		expect(trainings).toBe(2);
		expect((await db.query(`SELECT n_train FROM nb.m_metrics WHERE model = 'gbdt (temporal)'`)).rows[0][0]).toBe(2500);
		await nb.runtime.detach();
	});

	it('say so when the user to explain is not a test user, and keep the model', async () => {
		// The notebook as the last test left it, with a user id no test user has.
		const nb = open(NOTEBOOK.replace(users(0, 3000), users(0, 2500)).replace('"value": ""', '"value": "17"'));
		await nb.runtime.attach(db, { datasetId: null, epoch: 'model-1' });
		expect(nb.runtime.state(nb.id('m')).error?.message).toMatch(/^user 17 is not among the test users \(`test_users`\)/);
		expect(trainings).toBe(2);
		await nb.runtime.detach();
	});

	it('stop on cancel with the cell in error, and the notebook keeps working', async () => {
		const nb = open();
		await nb.runtime.attach(db, { datasetId: null, epoch: 'model-2' });
		const before = trainings;
		let started!: () => void;
		const training = new Promise<void>((resolve) => (started = resolve));
		hold = (signal) =>
			new Promise((_, reject) => {
				started();
				signal.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' })), { once: true });
			});
		nb.runtime.edit(nb.id('test_users'), users(3000, 4900));
		const run = nb.runtime.run(nb.id('test_users'));
		await training;
		nb.runtime.cancel(nb.id('m'));
		await run;
		hold = null;
		expect(nb.runtime.state(nb.id('m'))).toMatchObject({ status: 'error', error: { message: 'cancelled' } });
		expect(nb.runtime.state(nb.id('top')).status).toBe('upstream-error');
		await nb.runtime.run(nb.id('m'));
		expect(nb.runtime.state(nb.id('top')).status).toBe('done');
		expect(trainings).toBe(before + 2);
		// Run again with nothing changed: the seeded training would give the same model, so none runs.
		await nb.runtime.run(nb.id('m'));
		expect(trainings).toBe(before + 2);
		await nb.runtime.detach();
	});

	it('never show a model whose tables were not all written: a run cut short is finished on the next open', async () => {
		const nb = open();
		await nb.runtime.attach(db, { datasetId: null, epoch: 'model-3' });
		expect(nb.runtime.state(nb.id('m')).status).toBe('done');
		await nb.runtime.detach();
		const fingerprints = async () =>
			Object.fromEntries((await db.query(`SELECT name, fingerprint FROM nb._cells WHERE name = 'm' OR name LIKE 'm\\_%' ESCAPE '\\'`)).rows.map(([n, f]) => [n, f]));
		const current = (await fingerprints()).m;
		expect(new Set(Object.values(await fingerprints()))).toEqual(new Set([current]));
		// A run cut short after the metrics were written but before the explanation (the tab
		// closed, the engine crashed): the explanation is still an older run's.
		await db.exec(`UPDATE nb._cells SET fingerprint = 'an older run' WHERE name = 'm_explain'`);
		await db.exec(`DELETE FROM nb.m_explain`);
		const before = trainings;

		const reopened = open();
		await reopened.runtime.attach(db, { datasetId: null, epoch: 'model-3' });
		expect(reopened.runtime.state(reopened.id('m')).status).toBe('done');
		// Finished from the saved model (same training key), not shown as it was: every table is current.
		expect(trainings).toBe(before);
		expect(await fingerprints()).toEqual(Object.fromEntries(Object.keys(await fingerprints()).map((n) => [n, current])));
		expect((await db.query(`SELECT count(*) FROM nb.m_explain`)).rows[0][0]).toBeGreaterThan(0);
		await reopened.runtime.detach();
	});

	it('refuse a spec naming no training table, or an unknown setting, with the fix', () => {
		const check = (source: string) => kinds.get('model')!.check({ id: 'x' as never, kind: 'model', name: 'm', source, attrs: {} })?.message;
		expect(check('{"test": "t"}')).toBe('missing "train": the name of the cell whose table holds the training users');
		expect(check('{"train": "a", "test": "b", "gbdt": {"trees": 10, "depth": 3}}')).toMatch(/^invalid gbdt setting "depth" \(allowed: trees, leaves, max_depth/);
		expect(check('{"train": "a", "test": "b", "random_split": 1}')).toMatch(/^invalid random_split: 1/);
	});
});
