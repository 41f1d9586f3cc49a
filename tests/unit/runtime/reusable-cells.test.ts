import { describe, expect, it } from 'vitest';
import { buildGraph, type CellData, type CellId } from '../../../src/lib/notebook';
import type { CellOutput } from '../../../src/lib/runtime/cell-output';
import { fingerprints } from '../../../src/lib/runtime/fingerprint';
import { reusableCells, type ShownOutput } from '../../../src/lib/runtime/reusable-cells';
import type { SavedTable } from '../../../src/lib/runtime/results-cache';
import type { SqlClient } from '../../../src/lib/data/sql-client';
import { cellOf, sql } from '../notebook/helpers';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

const table = (name: string): CellOutput => ({ kind: 'table', schema: 'nb', table: name, columns: [], rowCount: 1, preview: [], cached: true });
const chart: CellOutput = { kind: 'chart', spec: { data: 'a', marks: [] } as never, columns: [], rows: [], truncated: false };
const input: CellOutput = { kind: 'input', spec: { type: 'number', value: 3 } as never };

/** A notebook as it stands after a reload: every cell shows what it produced last time. */
function reopened(cells: CellData[]) {
	const graph = buildGraph(cells, DEFAULT_KINDS);
	const fps = fingerprints(cells, graph, 'ds:1');
	const shown = new Map<CellId, ShownOutput>();
	const tables = new Map<string, SavedTable>();
	for (const c of cells) {
		const fingerprint = fps.get(c.id)!;
		if (c.kind === 'sql' && c.name) {
			shown.set(c.id, { fingerprint, output: table(c.name) });
			tables.set(c.name, { fingerprint, rowCount: 1, storage: 'table' });
		} else if (c.kind === 'sql') shown.set(c.id, { fingerprint, output: { kind: 'rows', columns: [], rows: [], rowCount: 0 } });
		else if (c.kind === 'chart') shown.set(c.id, { fingerprint, output: chart });
		else if (c.kind === 'input') shown.set(c.id, { fingerprint, output: input });
	}
	const inputs = new Set(cells.filter((c) => c.kind === 'input').map((c) => c.id));
	const reuse = (overrides: { shown?: Map<CellId, ShownOutput>; tables?: Map<string, SavedTable>; inputs?: Set<CellId> } = {}) => {
		// Restoring an input sets its variable: it fails for the inputs left out of `inputs`.
		const settable = new Set(cells.filter((c) => (overrides.inputs ?? inputs).has(c.id)).map((c) => c.name!.toLowerCase()));
		const client = {
			setVariable: async (name: string) => {
				if (!settable.has(name)) throw new Error(`cannot set ${name}`);
			}
		} as unknown as SqlClient;
		return reusableCells({ cells, graph, kinds: DEFAULT_KINDS, fingerprints: fps, shown: overrides.shown ?? shown, tables: overrides.tables ?? tables, client });
	};
	return { shown, tables, inputs, reuse };
}

const notebook = () => {
	const n = cellOf('input', 'n', '{"type":"number","value":3}');
	const a = sql('a', 'SELECT 1 AS x');
	const b = sql('b', 'SELECT x FROM a LIMIT $n');
	const c = cellOf('chart', null, '{"data":"b","marks":[]}');
	const md = cellOf('markdown', null, '# notes');
	const loose = sql(null, 'SELECT 42');
	return { n, a, b, c, md, loose, cells: [n, a, b, c, md, loose] };
};

describe('reusableCells', () => {
	it('reuses every cell of an unchanged notebook except unnamed SQL, which always runs', async () => {
		const { cells, loose } = notebook();
		const reusable = await reopened(cells).reuse();
		expect(cells.filter((c) => !reusable.has(c.id))).toEqual([loose]);
	});

	it('runs a cell whose table is missing from the database, and everything downstream of it', async () => {
		const { cells, n, md, loose } = notebook();
		const r = reopened(cells);
		const tables = new Map(r.tables);
		tables.delete('a');
		expect([...(await r.reuse({ tables }))]).toEqual([n.id, md.id]);
		expect((await r.reuse({ tables })).has(loose.id)).toBe(false);
	});

	it('runs a cell whose saved table has another fingerprint', async () => {
		const { cells, b, c } = notebook();
		const r = reopened(cells);
		const tables = new Map(r.tables).set('b', { fingerprint: 'other', rowCount: 1, storage: 'table' });
		const reusable = await r.reuse({ tables });
		expect(reusable.has(b.id)).toBe(false);
		expect(reusable.has(c.id)).toBe(false);
	});

	it('runs a cell whose result is kept the other way than the cell now says (a view, a table)', async () => {
		const { cells, a } = notebook();
		const r = reopened(cells);
		expect((await r.reuse({ tables: new Map(r.tables).set('a', { ...r.tables.get('a')!, storage: 'view' }) })).has(a.id)).toBe(false);
		const asView = cells.map((c) => (c.id === a.id ? { ...c, attrs: { view: 'true' } } : c));
		const v = reopened(asView);
		expect((await v.reuse()).has(a.id)).toBe(false);
		expect((await v.reuse({ tables: new Map(v.tables).set('a', { ...v.tables.get('a')!, storage: 'view' }) })).has(a.id)).toBe(true);
	});

	it('runs a cell that shows nothing or shows an output made with another fingerprint', async () => {
		const { cells, a, c } = notebook();
		const r = reopened(cells);
		const shown = new Map(r.shown);
		shown.delete(c.id);
		expect((await r.reuse({ shown })).has(c.id)).toBe(false);
		shown.set(a.id, { ...r.shown.get(a.id)!, fingerprint: 'older' });
		expect((await r.reuse({ shown })).has(a.id)).toBe(false);
	});

	it('runs an input whose variable could not be set, and the cells that read it', async () => {
		const { cells, n, a, b, c } = notebook();
		const reusable = await reopened(cells).reuse({ inputs: new Set() });
		expect(reusable.has(n.id)).toBe(false);
		expect(reusable.has(b.id)).toBe(false);
		expect(reusable.has(c.id)).toBe(false);
		expect(reusable.has(a.id)).toBe(true);
	});

	it('never reuses a cell with a structural error', async () => {
		const one = sql('dup', 'SELECT 1');
		const two = sql('dup', 'SELECT 2');
		const reusable = await reopened([one, two]).reuse();
		expect(reusable.size).toBe(0);
	});
});
