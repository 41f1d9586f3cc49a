// The starter notebook, end to end in Node: document → graph → scheduler → runner → the real
// DuckDB-WASM engine over the committed sample. Every cell must finish, and its numbers must
// agree with an independent query.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler, parseNotebook, type CellRuntimeState } from '../../../src/lib/notebook';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import { appendEventsSql } from '../../../src/lib/store';
import { STARTER_NOTEBOOK } from '../../../src/lib/app/starter-notebook';
import { CELL_SCHEMA_SETUP, createCellRunner } from '../../../src/lib/runner/cell-runner';
import type { CellOutput } from '../../../src/lib/runner/cell-output';
import { fingerprints } from '../../../src/lib/runner/fingerprint';
import { WasmTestClient } from '../support/wasm-client';

const SAMPLE = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open(CELL_SCHEMA_SETUP);
	// The app's own pipeline: the sample becomes the compact store `events` (session_id, ENUM…).
	for (const step of appendEventsSql(readEventsCsv(SAMPLE), { rows: 325_431 })) await db.exec(step.sql);
}, 120_000);
afterAll(() => db.close());

describe('the starter notebook on the bundled sample', () => {
	it('runs every cell to done, upstream before downstream', async () => {
		const doc = parseNotebook(STARTER_NOTEBOOK);
		const states = new Map<string, CellRuntimeState<CellOutput>>();
		const order: string[] = [];
		const scheduler: Scheduler<CellOutput> = new Scheduler<CellOutput>({
			run: (cell, ctx) => {
				order.push(cell.name ?? cell.id);
				const fp = (c: typeof cell) => fingerprints(doc.cells, scheduler.graph, 'test').get(c.id) ?? '';
				return createCellRunner({ client: db, fingerprint: fp })(cell, ctx);
			},
			onChange: (id, state) => states.set(id, state)
		});
		scheduler.setCells(doc.cells);
		await scheduler.runAll({ force: true });

		const runnable = doc.cells.filter((c) => c.kind !== 'markdown');
		for (const cell of runnable) {
			expect({ cell: cell.name, status: states.get(cell.id)?.status, error: states.get(cell.id)?.error }).toEqual({
				cell: cell.name,
				status: 'done',
				error: null
			});
		}
		expect(order.indexOf('buyers')).toBeLessThan(order.indexOf('buyer_summary'));

		const summary = states.get(doc.cells.find((c) => c.name === 'buyer_summary')!.id)!.output;
		const independent = await db.query(
			`SELECT count(DISTINCT user_id) FILTER (WHERE event_type = 'purchase'), count(DISTINCT user_id) FROM events`
		);
		expect(summary).toMatchObject({ kind: 'table', rowCount: 1 });
		const [buyers, users] = independent.rows[0] as number[];
		expect(buyers).toBeGreaterThan(1000);
		expect((summary as Extract<CellOutput, { kind: 'table' }>).preview[0].slice(0, 2)).toEqual([buyers, users]);
	}, 120_000);
});
