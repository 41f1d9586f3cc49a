import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/lib/notebook';
import { fingerprints, memoFingerprints } from '../../../src/lib/runtime/fingerprint';
import { sql } from '../notebook/helpers';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

describe('fingerprints', () => {
	it('change for a cell and its descendants when an upstream cell changes, and for no other cell', () => {
		const a = sql('a', 'SELECT 1 AS x');
		const b = sql('b', 'SELECT x FROM a');
		const c = sql('c', 'SELECT 2');
		const before = fingerprints([a, b, c], buildGraph([a, b, c], DEFAULT_KINDS), 'ds:1');
		const a2 = { ...a, source: 'SELECT 3 AS x' };
		const after = fingerprints([a2, b, c], buildGraph([a2, b, c], DEFAULT_KINDS), 'ds:1');
		expect(after.get(a.id)).not.toBe(before.get(a.id));
		expect(after.get(b.id)).not.toBe(before.get(b.id));
		expect(after.get(c.id)).toBe(before.get(c.id));
	});
});

describe('memoFingerprints', () => {
	it('returns the same fingerprints while the cells, graph and epoch stay the same objects', () => {
		const cells = [sql('a', 'SELECT 1 AS x'), sql('b', 'SELECT x FROM a')];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		const memo = memoFingerprints();
		const first = memo(cells, graph, 'ds:1');
		expect(memo(cells, graph, 'ds:1')).toBe(first);
		expect([...first]).toEqual([...fingerprints(cells, graph, 'ds:1')]);
	});

	it('recomputes when the cells, the graph or the epoch is replaced', () => {
		const cells = [sql('a', 'SELECT 1 AS x'), sql('b', 'SELECT x FROM a')];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		const memo = memoFingerprints();
		const first = memo(cells, graph, 'ds:1');

		const edited = [{ ...cells[0], source: 'SELECT 2 AS x' }, cells[1]];
		const editedGraph = buildGraph(edited, DEFAULT_KINDS);
		const afterEdit = memo(edited, editedGraph, 'ds:1');
		expect(afterEdit.get(cells[0].id)).not.toBe(first.get(cells[0].id));
		expect([...afterEdit]).toEqual([...fingerprints(edited, editedGraph, 'ds:1')]);

		const otherEpoch = memo(edited, editedGraph, 'ds:2');
		expect(otherEpoch.get(cells[1].id)).not.toBe(afterEdit.get(cells[1].id));

		const sameCellsNewGraph = memo(edited, buildGraph(edited, DEFAULT_KINDS), 'ds:2');
		expect(sameCellsNewGraph).not.toBe(otherEpoch);
	});
});
