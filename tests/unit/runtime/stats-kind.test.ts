// The stats cell kind on the real engine: spec checks, what it reads, the tables it writes, and
// reuse of a saved answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookRuntime, readNotebook, RESULTS_CACHE_SETUP, DEFAULT_KINDS } from '../../../src/lib/runtime';
import { newCellId, type CellData } from '../../../src/lib/notebook';
import { sampleSizeProportions } from '../../../src/lib/stats';
import { WasmTestClient } from '../support/wasm-client';

const stats = (name: string, spec: unknown): CellData => ({ id: newCellId(), kind: 'stats', name, source: JSON.stringify(spec), attrs: {} });
const kind = DEFAULT_KINDS.get('stats')!;

const NOTEBOOK = `---
notebook: customer-intelligence-notebook
version: 1
---

\`\`\`input name=alpha
{"type": "number", "value": 0.05}
\`\`\`

\`\`\`sql name=plan
SELECT 0.032 AS baseline, 0.05 AS target, 600.0 AS daily
\`\`\`

\`\`\`stats name=size
{"method": "sample_size", "baseline": "plan.baseline", "target": "plan.target", "alpha": "$alpha", "power": 0.8, "daily_traffic": "plan.daily"}
\`\`\`

\`\`\`stats name=campaign
{"method": "scenarios", "baseline": 0.1, "users": 1000, "revenue_per_conversion": 50, "contact_cost": 1,
 "scenarios": [{"name": "no effect", "lift": 0, "probability": 0.5}, {"name": "as planned", "lift": 50, "probability": 0.5}]}
\`\`\`

\`\`\`sql name=decision
SELECT decision FROM campaign_summary
\`\`\`
`;

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	for (const sql of RESULTS_CACHE_SETUP) await db.exec(sql);
});
afterAll(() => db.close());

describe('stats cells', () => {
	it('refuse an unknown method or parameter, naming what is allowed', () => {
		expect(kind.check(stats('x', { method: 'magic' }))?.message).toMatch(/^unknown method "magic" \(one of: sample_size, mde, power_curve/);
		expect(kind.check(stats('x', { method: 'sample_size', alfa: 0.05 }))?.message).toMatch(/^invalid sample_size parameter "alfa" \(allowed: baseline, target, alpha/);
		expect(kind.check({ ...stats('x', {}), source: '{"method": ' })?.message).toMatch(/^not valid JSON/);
	});

	it('read the tables and variables their values name, and define their extra tables', () => {
		const cell = stats('campaign', { method: 'scenarios', baseline: 'plan.baseline', users: '$n', scenarios: [] });
		expect(kind.references(cell)).toEqual({ tables: new Set(['plan']), variables: new Set(['n']) });
		expect(kind.extraTables!(cell)).toEqual(['campaign_summary', 'campaign_distribution']);
		expect(kind.writes(cell)).toEqual(['campaign', 'campaign_summary', 'campaign_distribution']);
	});

	it('compute from upstream cells and inputs, write their tables, and are read by later cells', async () => {
		const runtime = new NotebookRuntime(readNotebook(NOTEBOOK));
		await runtime.attach(db, { datasetId: null, epoch: 'stats-1' });
		const byName = (name: string) => runtime.cells.find((c) => c.name === name)!;
		for (const c of runtime.cells) expect(runtime.state(c.id).status, c.name ?? '').toBe('done');
		const { rows, columns } = await db.query('SELECT * FROM nb.size');
		const row = Object.fromEntries(columns.map((c, i) => [c.name, rows[0][i]]));
		const expected = sampleSizeProportions({ p1: 0.032, p2: 0.05 });
		expect([row.n_per_group, row.n_total, row.days]).toEqual([expected.n1, expected.total, Math.ceil(expected.total / 600)]);
		expect((await db.query('SELECT decision FROM nb.decision')).rows[0][0]).toMatch(/^(GO|NO-GO)$/);

		// Changing α re-runs the stats cell with the new value.
		await runtime.setInput(byName('alpha').id, 0.01);
		const stricter = sampleSizeProportions({ p1: 0.032, p2: 0.05, alpha: 0.01 }).n1;
		expect((await db.query('SELECT n_per_group FROM nb.size')).rows[0][0]).toBe(stricter);
		await runtime.detach();
	});

	it('say which parameter is wrong when a value read from a cell is out of range', async () => {
		const doc = readNotebook(NOTEBOOK.replace("SELECT 0.032 AS baseline", "SELECT 1.5 AS baseline"));
		const runtime = new NotebookRuntime(doc);
		await runtime.attach(db, { datasetId: null, epoch: 'stats-2' });
		const size = runtime.cells.find((c) => c.name === 'size')!;
		expect(runtime.state(size.id).error?.message).toBe('invalid baseline: 1.5 (must be > 0 and < 1)');
		await runtime.detach();
	});
});
