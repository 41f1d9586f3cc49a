// The NotebookRuntime on the real DuckDB-WASM engine in Node, through the SqlClient seam: what
// runs when, what is reused after a reload, and when cell tables are made durable.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CellId } from '../../../src/lib/notebook';
import { noReferences } from '../../../src/lib/notebook';
import {
	CELL_SCHEMA,
	cellKinds,
	DEFAULT_KINDS,
	NotebookRuntime,
	readNotebook,
	RESULTS_CACHE_SETUP,
	type CellKind,
	type CellState,
	type OutputSnapshot,
	type SnapshotKey,
	type SnapshotStore
} from '../../../src/lib/runtime';
import { quoteIdent } from '../../../src/lib/data/sql';
import { GatedClient } from '../support/gated-client';
import { WasmTestClient } from '../support/wasm-client';

const NOTEBOOK = `---
notebook: customer-intelligence-notebook
version: 1
---

# Runtime test

\`\`\`input name=n
{"type": "number", "value": 3}
\`\`\`

\`\`\`sql name=a
SELECT i FROM range(10) r(i)
\`\`\`

\`\`\`sql name=b
SELECT i * 2 AS j FROM a
\`\`\`

\`\`\`sql name=c
SELECT count(*) AS n FROM b
\`\`\`

\`\`\`sql name=d
SELECT 42 AS answer
\`\`\`

\`\`\`sql name=e
SELECT i FROM a ORDER BY i LIMIT $n
\`\`\`

\`\`\`chart name=e_chart
{"data": "e", "marks": [{"type": "dot", "x": "i"}]}
\`\`\`
`;

/** An in-memory snapshot store: what IndexedDB holds for the page, keyed `dataset/notebook`. */
function memorySnapshots(): SnapshotStore & { saved: Map<string, OutputSnapshot> } {
	const saved = new Map<string, OutputSnapshot>();
	const key = (k: SnapshotKey) => `${k.datasetId}/${k.notebookId}`;
	return {
		saved,
		load: async (k) => structuredClone(saved.get(key(k)) ?? null),
		save: async (k, snapshot) => void saved.set(key(k), structuredClone(snapshot))
	};
}

let engine: WasmTestClient;
let client: GatedClient;

// One engine for the file (starting DuckDB-WASM takes seconds); each test starts from an empty cell schema.
beforeAll(async () => {
	engine = await WasmTestClient.open();
});
afterAll(() => engine.close());
beforeEach(async () => {
	await engine.exec('DROP SCHEMA IF EXISTS nb CASCADE');
	for (const sql of RESULTS_CACHE_SETUP) await engine.exec(sql);
	engine.statements.length = 0;
	client = new GatedClient(engine);
});

/** A runtime over NOTEBOOK recording which cells went to `running`, by name. */
function notebook(options: { snapshots?: SnapshotStore; text?: string; checkpointDelayMs?: number; notebookId?: string } = {}) {
	const ran: string[] = [];
	const states = new Map<CellId, CellState[]>();
	const runtime: NotebookRuntime = new NotebookRuntime(readNotebook(options.text ?? NOTEBOOK), {
		snapshots: options.snapshots,
		notebookId: options.notebookId,
		checkpointDelayMs: options.checkpointDelayMs ?? 60_000,
		listener: {
			cellState: (id, state) => {
				states.set(id, [...(states.get(id) ?? []), state]);
				if (state.status === 'running') ran.push(runtime.cell(id)?.name ?? runtime.cell(id)!.kind);
			}
		}
	});
	const id = (name: string) => runtime.byName(name)!.id;
	const status = (name: string) => runtime.state(id(name)).status;
	const output = (name: string) => runtime.state(id(name)).output;
	const preview = (name: string) => {
		const out = output(name);
		if (out?.kind !== 'table') throw new Error(`${name} shows ${out?.kind ?? 'nothing'}`);
		return out.preview;
	};
	return { runtime, ran, states, id, status, output, preview };
}

const creates = (statements: string[]) => statements.filter((s) => s.startsWith('CREATE OR REPLACE TABLE')).map((s) => /"nb"\."(\w+)"/.exec(s)![1]);

describe('NotebookRuntime', () => {
	it('runs every cell on attach: tables in nb, the input bound, the chart read', async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		for (const name of ['n', 'a', 'b', 'c', 'd', 'e', 'e_chart']) expect(nb.status(name), name).toBe('done');
		expect(nb.preview('c')).toEqual([[10]]);
		expect(nb.preview('e')).toEqual([[0], [1], [2]]);
		expect(nb.output('e_chart')).toMatchObject({ kind: 'chart', rows: [[0], [1], [2]] });
		expect(creates(client.statements)).toEqual(['a', 'b', 'c', 'd', 'e']);
		// The input's value went through a prepared-statement parameter, not the SQL text.
		expect(client.statements).toContain('SET VARIABLE "n" = ?');
	});

	it('runs an edited cell and exactly its descendants, in dependency order', async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		nb.ran.length = 0;
		nb.runtime.edit(nb.id('b'), 'SELECT i * 3 AS j FROM a WHERE i < 5');
		expect(nb.runtime.edited.has(nb.id('b'))).toBe(true);
		expect(nb.ran).toEqual([]); // an edit alone runs nothing
		await nb.runtime.run(nb.id('b'));
		expect(nb.ran).toEqual(['b', 'c']);
		expect(nb.preview('c')).toEqual([[5]]);
		expect(nb.runtime.edited.size).toBe(0);
	});

	it('runs a group of cells (a section) once each, with their descendants, in dependency order; unknown ids are skipped', async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		nb.ran.length = 0;
		nb.runtime.edit(nb.id('e'), 'SELECT i FROM a ORDER BY i DESC LIMIT $n');
		nb.runtime.edit(nb.id('d'), 'SELECT 43 AS answer');
		const markdown = nb.runtime.cells.find((c) => c.kind === 'markdown')!.id;
		await nb.runtime.runCells([nb.id('e'), nb.id('b'), markdown, 'gone' as CellId]);
		expect(nb.ran).toEqual(['markdown', 'b', 'c', 'e', 'e_chart']);
		expect(nb.preview('e')).toEqual([[9], [8], [7]]);
		// The cells run lose their "edited" mark; an edit outside the group keeps it.
		expect([...nb.runtime.edited]).toEqual([nb.id('d')]);
	});

	it('runs the cells that read an input when its value changes, and keeps the value in the spec', async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		nb.ran.length = 0;
		await nb.runtime.setInput(nb.id('n'), 5);
		expect(nb.ran).toEqual(['n', 'e', 'e_chart']);
		expect(nb.preview('e')).toEqual([[0], [1], [2], [3], [4]]);
		expect(JSON.parse(nb.runtime.cell(nb.id('n'))!.source)).toEqual({ type: 'number', value: 5 });
	});

	it("drops a superseded run's result: a cell re-run while its query is in flight shows the newer one only", async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		const attached = nb.output('d');
		const gate = client.gate(/"nb"\."d"/);
		const first = nb.runtime.run(nb.id('d'));
		await gate.reached;
		nb.runtime.edit(nb.id('d'), 'SELECT 43 AS answer');
		const second = nb.runtime.run(nb.id('d'));
		gate.open();
		await Promise.all([first, second]);
		expect(nb.preview('d')).toEqual([[43]]);
		// The first run finished in the engine (its table was written, then replaced) but its result
		// never reached the cell: the cell only ever showed the attach run's output and the last one.
		const shown = new Set(nb.states.get(nb.id('d'))!.map((s) => s.output).filter((o) => o !== null));
		expect(shown).toEqual(new Set([attached, nb.output('d')]));
		expect(client.statements.filter((s) => s.includes('SELECT 42 AS answer'))).toHaveLength(2);
	});

	it('cancels a running cell: it says so, its dependants report the upstream error, the rest is untouched', async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		const gate = client.gate(/"nb"\."b"/, { abortable: true });
		const running = nb.runtime.runAll(true);
		await gate.reached;
		nb.runtime.cancel();
		await running;
		expect(nb.runtime.state(nb.id('b'))).toMatchObject({ status: 'error', error: { message: 'cancelled' } });
		expect(nb.runtime.state(nb.id('c'))).toMatchObject({ status: 'upstream-error', error: { message: 'upstream error in `b`' } });
		expect(nb.status('a')).toBe('done');
		expect(nb.runtime.busy).toBe(false);
		// The notebook keeps working after a cancel.
		await nb.runtime.run(nb.id('b'));
		expect(nb.status('c')).toBe('done');
	});

	it('restores unchanged cells after a reload without running them: the snapshot before the engine, the tables after', async () => {
		const snapshots = memorySnapshots();
		const first = notebook({ snapshots });
		await first.runtime.attach(client, { datasetId: 'ds', epoch: 'e1' });
		await first.runtime.flushCheckpoint();
		expect(snapshots.saved.get('ds/notebook')?.outputs.length).toBeGreaterThan(0);

		// The page reloads: the same text, new cell ids, a new runtime.
		const second = notebook({ snapshots });
		await second.runtime.showSnapshot('ds');
		expect(second.preview('c')).toEqual([[10]]); // shown before any engine exists
		const before = client.statements.length;
		await second.runtime.attach(client, { datasetId: 'ds', epoch: 'e1' });
		expect(second.ran).toEqual([]);
		expect(creates(client.statements.slice(before))).toEqual([]);
		for (const name of ['n', 'a', 'b', 'c', 'd', 'e', 'e_chart']) expect(second.status(name), name).toBe('done');
		// The input's variable lives in the session: restored, so its readers still work.
		await second.runtime.run(second.id('e'));
		expect(second.preview('e')).toEqual([[0], [1], [2]]);
	});

	it('after a reload, runs only a cell whose text changed since and its descendants', async () => {
		const snapshots = memorySnapshots();
		const first = notebook({ snapshots });
		await first.runtime.attach(client, { datasetId: 'ds', epoch: 'e1' });
		await first.runtime.flushCheckpoint();

		const second = notebook({ snapshots, text: NOTEBOOK.replace('SELECT i * 2 AS j FROM a', 'SELECT i * 2 AS j FROM a WHERE i > 0') });
		await second.runtime.attach(client, { datasetId: 'ds', epoch: 'e1' });
		expect(second.ran).toEqual(['b', 'c']);
		expect(second.preview('c')).toEqual([[9]]);
	});

	it('switching notebooks on one dataset shows each its own outputs: a same-named cell never shows the other notebook\'s result', async () => {
		const snapshots = memorySnapshots();
		const nb = notebook({ snapshots, notebookId: 'A' });
		await nb.runtime.attach(client, { datasetId: 'ds', epoch: 'e1' });
		expect(nb.preview('d')).toEqual([[42]]);
		// B has a cell d of its own (another query): same table name, another fingerprint.
		const textB = NOTEBOOK.replace('SELECT 42 AS answer', 'SELECT 7 AS answer');
		const before = client.statements.length;
		await nb.runtime.switchTo(readNotebook(textB), 'B');
		expect(nb.runtime.notebookId).toBe('B');
		expect(nb.preview('d')).toEqual([[7]]);
		// Only d was computed: B's other cells are A's (same fingerprints), read from their tables.
		expect(creates(client.statements.slice(before))).toEqual(['d']);
		await nb.runtime.flushCheckpoint();
		expect([...snapshots.saved.keys()].sort()).toEqual(['ds/A', 'ds/B']);

		// Back to A: its own snapshot, and d runs again (B replaced the table), showing 42 throughout.
		nb.ran.length = 0;
		await nb.runtime.switchTo(readNotebook(NOTEBOOK), 'A');
		const statesD = nb.states.get(nb.id('d')) ?? [];
		// A's snapshot first (shown before the run), then A's re-run: 42 throughout, never B's 7.
		expect(statesD[0]).toMatchObject({ status: 'done', output: { kind: 'table', preview: [[42]] } });
		expect(new Set(statesD.flatMap((s) => (s.output?.kind === 'table' ? [JSON.stringify(s.output.preview)] : [])))).toEqual(new Set(['[[42]]']));
		expect(nb.ran).toEqual(['d']);

		// A reload on B, before any engine: B's snapshot, B's value.
		const reloaded = notebook({ snapshots, notebookId: 'B', text: textB });
		await reloaded.runtime.showSnapshot('ds');
		expect(reloaded.preview('d')).toEqual([[7]]);
		// A notebook that never ran on this dataset has no snapshot: nothing is shown before the engine.
		const other = notebook({ snapshots, notebookId: 'C', text: textB });
		await other.runtime.showSnapshot('ds');
		expect(other.output('d')).toBeNull();
	});

	it('runs every cell again on other data (another epoch), even with the same text', async () => {
		const snapshots = memorySnapshots();
		const first = notebook({ snapshots });
		await first.runtime.attach(client, { datasetId: 'ds', epoch: 'e1' });
		await first.runtime.flushCheckpoint();
		const second = notebook({ snapshots });
		await second.runtime.attach(client, { datasetId: 'ds', epoch: 'e2' });
		expect(second.ran).toEqual(['n', 'a', 'b', 'c', 'd', 'e', 'e_chart']);
	});

	it('keeps a table written during a checkpoint pending, and checkpoints it after', async () => {
		const nb = notebook({ checkpointDelayMs: 5 });
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		expect(nb.runtime.pendingCheckpoint).toBe(true);
		const gate = client.gate(/^CHECKPOINT$/);
		const flushing = nb.runtime.flushCheckpoint();
		await gate.reached;
		// A cell runs while the flush waits on the engine: its table is written after the CHECKPOINT began.
		await nb.runtime.run(nb.id('d'));
		gate.open();
		await flushing;
		expect(nb.runtime.pendingCheckpoint).toBe(true);
		await until(() => !nb.runtime.pendingCheckpoint);
		const lastCreate = client.statements.findLastIndex((s) => s.includes('"nb"."d"'));
		expect(client.statements.slice(lastCreate)).toContain('CHECKPOINT');
	});

	it('waits for a run to end before its deferred checkpoint, so the checkpoint never queues between cells', async () => {
		const nb = notebook({ checkpointDelayMs: 1 });
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		const gate = client.gate(/"nb"\."c"/);
		const running = nb.runtime.run(nb.id('b'));
		await gate.reached;
		await new Promise((r) => setTimeout(r, 20)); // the timer armed by attach fires mid-run
		const duringRun = client.statements.filter((s) => s === 'CHECKPOINT').length;
		gate.open();
		await running;
		await until(() => !nb.runtime.pendingCheckpoint);
		expect(duringRun).toBe(0);
		expect(client.statements.filter((s) => s === 'CHECKPOINT').length).toBe(1);
	});

	it("deletes a cell's table with the cell and re-runs its dependants so they say what is missing", async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		const b = nb.id('b');
		const c = nb.id('c');
		await nb.runtime.remove(b);
		expect((await engine.query(`SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'nb' AND table_name = 'b'`)).rows).toEqual([[0]]);
		expect(nb.runtime.state(c)).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/b does not exist/) } });
	});

	it('puts a deleted cell back where it was (undo): run again, its table is rebuilt and its dependants recover', async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		const order = nb.runtime.cells.map((c) => c.id);
		const index = order.indexOf(nb.id('b'));
		const b = nb.runtime.cell(nb.id('b'))!;
		await nb.runtime.remove(b.id);
		expect(nb.status('c')).toBe('error');
		nb.runtime.insert(b, index);
		expect(nb.runtime.cells.map((c) => c.id)).toEqual(order);
		expect(() => nb.runtime.insert(b, 0)).toThrow(/already in the notebook/);
		nb.ran.length = 0;
		await nb.runtime.run(b.id);
		expect(nb.ran).toEqual(['b', 'c']);
		expect(nb.preview('c')).toEqual([[10]]);
		expect((await engine.query(`SELECT count(*) FROM nb.b`)).rows).toEqual([[10]]);
	});

	it('renames a cell: the old table goes, the new one is built, an invalid name is refused', async () => {
		const nb = notebook();
		await nb.runtime.attach(client, { datasetId: null, epoch: 'e1' });
		expect(await nb.runtime.rename(nb.id('d'), '2bad')).toMatch(/not a valid cell name/);
		expect(await nb.runtime.rename(nb.id('d'), 'answer')).toBeNull();
		const tables = (await engine.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'nb' ORDER BY 1`)).rows.flat();
		expect(tables).toContain('answer');
		expect(tables).not.toContain('d');
	});
});

describe('a cell kind added as one module and one registration', () => {
	// `rowcount`: its spec is a table name; it writes nb.<name> holding that table's row count.
	const rowcountKind: CellKind = {
		kind: 'rowcount',
		defines: 'table',
		template: 'events',
		references: (cell) => ({ ...noReferences(), tables: new Set([cell.source.trim().toLowerCase()]) }),
		check: (cell) => (/^\w+$/.test(cell.source.trim()) ? null : { message: 'write the name of one table' }),
		writes: (cell) => (cell.name ? [cell.name] : []),
		reusable: (cell, shown, { tables, fingerprint }) => shown?.kind === 'table' && tables.get(cell.name!)?.fingerprint === fingerprint,
		async run(cell, { client, cache, fingerprint, signal }) {
			if (!cell.name) throw new Error('a rowcount cell needs a name');
			const sql = cache.materialiseSql(cell.name, `SELECT count(*) AS n FROM ${quoteIdent(cell.source.trim())}`, fingerprint);
			const preview = await client.query(`${sql}SELECT * FROM ${CELL_SCHEMA}.${quoteIdent(cell.name)}`, { signal });
			return { kind: 'table', schema: CELL_SCHEMA, table: cell.name, columns: preview.columns, rowCount: 1, preview: preview.rows, cached: false };
		}
	};
	const kinds = cellKinds(...DEFAULT_KINDS.values(), rowcountKind);
	const text = `# Plug-in\n\n\`\`\`sql name=a\nSELECT * FROM range(4)\n\`\`\`\n\n\`\`\`rowcount name=a_rows\na\n\`\`\`\n\n\`\`\`sql name=doubled\nSELECT n * 2 AS twice FROM a_rows\n\`\`\`\n`;

	it('is read from its fence, placed in the graph, run in order, and read by SQL cells', async () => {
		const runtime = new NotebookRuntime(readNotebook(text, { kinds }), { kinds, checkpointDelayMs: 60_000 });
		expect(runtime.cells.map((c) => c.kind)).toEqual(['markdown', 'sql', 'rowcount', 'sql']);
		await runtime.attach(client, { datasetId: null, epoch: 'e1' });
		expect(runtime.state(runtime.byName('doubled')!.id).output).toMatchObject({ kind: 'table', preview: [[8]] });
		// Editing the SQL it reads runs it again, and what reads it.
		runtime.edit(runtime.byName('a')!.id, 'SELECT * FROM range(5)');
		await runtime.run(runtime.byName('a')!.id);
		expect(runtime.state(runtime.byName('doubled')!.id).output).toMatchObject({ preview: [[10]] });
	});

	it('has its spec checked when a file is read strictly, and is prose to an app without it', () => {
		expect(() => readNotebook(text.replace('\na\n', '\nnot a table\n'), { kinds })).toThrow(/rowcount cell `a_rows`: write the name of one table/);
		expect(readNotebook(text).cells.map((c) => c.kind)).toEqual(['markdown', 'sql', 'markdown', 'sql']);
	});
});

async function until(done: () => boolean, timeoutMs = 5000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 5));
	}
}
