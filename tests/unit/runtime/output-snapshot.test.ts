import { describe, expect, it } from 'vitest';
import { buildGraph, type CellData } from '../../../src/lib/notebook';
import type { CellOutput } from '../../../src/lib/runtime/cell-output';
import { fingerprints } from '../../../src/lib/runtime/fingerprint';
import { isOutputSnapshot, matchSnapshot, takeSnapshot } from '../../../src/lib/runtime/output-snapshot';
import { cellOf, sql } from '../notebook/helpers';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

const table = (name: string, preview: unknown[][]): CellOutput => ({
	kind: 'table',
	schema: 'nb',
	table: name,
	columns: [{ name: 'x', type: 'INTEGER', kind: 'number' }],
	rowCount: preview.length,
	preview: preview as never,
	cached: false
});
const rows = (n: number): CellOutput => ({ kind: 'rows', columns: [], rows: Array.from({ length: n }, (_, i) => [i]), rowCount: n });
const fpsAt = (cells: CellData[]) => (epoch: string) => fingerprints(cells, buildGraph(cells, DEFAULT_KINDS), epoch);

describe('takeSnapshot', () => {
	it('keeps finished outputs under their fingerprints and drops empty or oversized ones', () => {
		const snap = takeSnapshot('sample:1', [
			{ fingerprint: 'f1', output: table('a', [[1]]) },
			{ fingerprint: undefined, output: table('b', [[2]]) },
			{ fingerprint: 'f3', output: null },
			{ fingerprint: 'f4', output: { kind: 'none' } },
			{ fingerprint: 'f5', output: rows(3) },
			{ fingerprint: 'f6', output: rows(100_000) }
		]);
		expect(snap.epoch).toBe('sample:1');
		expect(snap.outputs.map(([fp]) => fp)).toEqual(['f1', 'f5']);
		expect(isOutputSnapshot(snap)).toBe(true);
	});
});

describe('matchSnapshot', () => {
	const cells = [sql('a', 'SELECT 1 AS x'), sql('b', 'SELECT x FROM a'), cellOf('chart', null, '{"data":"b","marks":[]}')];

	it('gives back each cell its own output when nothing changed', () => {
		const fps = fpsAt(cells)('ds:1');
		const snap = takeSnapshot('ds:1', cells.map((c, i) => ({ fingerprint: fps.get(c.id), output: table(`t${i}`, [[i]]) })));
		const matched = matchSnapshot(cells, fpsAt(cells), snap);
		expect([...matched.values()].map((m) => (m.output as { table: string }).table)).toEqual(['t0', 't1', 't2']);
	});

	it('drops the edited cell and everything downstream of it', () => {
		const fps = fpsAt(cells)('ds:1');
		const snap = takeSnapshot('ds:1', cells.map((c, i) => ({ fingerprint: fps.get(c.id), output: table(`t${i}`, [[i]]) })));
		const edited = [{ ...cells[0], source: 'SELECT 2 AS x' }, cells[1], cells[2]];
		expect([...matchSnapshot(edited, fpsAt(edited), snap).keys()]).toEqual([]);
		const leafEdited = [cells[0], cells[1], { ...cells[2], source: '{"data":"a","marks":[]}' }];
		expect([...matchSnapshot(leafEdited, fpsAt(leafEdited), snap).keys()]).toEqual([cells[0].id, cells[1].id]);
	});

	it('matches against the epoch the snapshot was taken at, so another dataset never matches', () => {
		const fps = fpsAt(cells)('ds:1');
		const snap = takeSnapshot('ds:1', [{ fingerprint: fps.get(cells[0].id), output: table('a', [[1]]) }]);
		expect(matchSnapshot(cells, fpsAt(cells), snap).size).toBe(1);
		expect(matchSnapshot(cells, fpsAt(cells), { ...snap, epoch: 'ds:2' }).size).toBe(0);
	});
});

describe('isOutputSnapshot', () => {
	it('refuses what storage may hold that is not a snapshot', () => {
		expect(isOutputSnapshot(null)).toBe(false);
		expect(isOutputSnapshot({ version: 2, epoch: 'x', outputs: [] })).toBe(false);
		expect(isOutputSnapshot({ version: 1, epoch: 'x', outputs: [['fp', 'not an output']] })).toBe(false);
		expect(isOutputSnapshot({ version: 1, epoch: 'x', outputs: [['fp', { kind: 'none' }]] })).toBe(true);
	});
});
