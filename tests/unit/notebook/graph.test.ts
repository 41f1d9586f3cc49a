import { describe, expect, it } from 'vitest';
import { buildGraph, descendants } from '../../../src/lib/notebook/graph';
import type { CellData, CellId } from '../../../src/lib/notebook/cell';
import { noReferences, type CellSyntax } from '../../../src/lib/notebook/cell-syntax';
import { cellOf, sql } from './helpers';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

const namesOf = (cells: CellData[], ids: Iterable<CellId>) => [...ids].map((id) => cells.find((c) => c.id === id)!.name);

describe('buildGraph', () => {
	it('adds an edge from a cell to each cell whose table it reads', () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'SELECT * FROM a'), sql('c', 'SELECT * FROM a JOIN b USING (x)')];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		expect(namesOf(cells, graph.dependencies.get(cells[2].id)!)).toEqual(['a', 'b']);
		expect(namesOf(cells, graph.dependents.get(cells[0].id)!)).toEqual(['b', 'c']);
		expect(graph.order).toEqual(cells.map((c) => c.id));
		expect(graph.errors.size).toBe(0);
	});

	it('matches names case-insensitively', () => {
		const cells = [sql('Daily', 'SELECT 1'), sql(null, 'SELECT * FROM DAILY')];
		expect(namesOf(cells, buildGraph(cells, DEFAULT_KINDS).dependencies.get(cells[1].id)!)).toEqual(['Daily']);
	});

	it('does not add an edge for a name no cell defines', () => {
		const cells = [sql('daily', 'SELECT * FROM events')];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		expect(graph.dependencies.get(cells[0].id)!.size).toBe(0);
		expect(graph.errors.size).toBe(0);
	});

	it('links $variables to input cells and charts to the cell they plot', () => {
		const cells = [
			cellOf('input', 'min_price', '{"type": "number", "value": 10}'),
			sql('cheap', 'SELECT * FROM events WHERE price < $min_price'),
			cellOf('chart', 'cheap_chart', '{"data": "cheap", "marks": [{"type": "dot", "x": "price"}]}')
		];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		expect(namesOf(cells, graph.dependencies.get(cells[1].id)!)).toEqual(['min_price']);
		expect(namesOf(cells, graph.dependencies.get(cells[2].id)!)).toEqual(['cheap']);
	});

	it('does not let chart and markdown labels define names', () => {
		const cells = [cellOf('chart', 'label', '{}'), cellOf('markdown', 'intro', 'text'), sql(null, 'SELECT * FROM label, intro')];
		expect(buildGraph(cells, DEFAULT_KINDS).dependencies.get(cells[2].id)!.size).toBe(0);
	});

	it('reports a duplicate name on every cell that defines it', () => {
		const cells = [sql('daily', 'SELECT 1'), sql('other', 'SELECT 2'), sql('DAILY', 'SELECT 3'), cellOf('input', 'daily', '{}')];
		const { errors } = buildGraph(cells, DEFAULT_KINDS);
		expect(errors.get(cells[0].id)).toBe('duplicate name `daily`: also defined by cells 3, 4');
		expect(errors.get(cells[2].id)).toBe('duplicate name `DAILY`: also defined by cells 1, 4');
		expect(errors.get(cells[3].id)).toBe('duplicate name `daily`: also defined by cells 1, 3');
		expect(errors.has(cells[1].id)).toBe(false);
	});

	it('makes readers of the extra tables a kind defines depend on the cell, and reports a clash with them', () => {
		const scorer = { kind: 'scorer', defines: 'table' as const, extraTables: (c: CellData) => [`${c.name}_scores`], references: noReferences, check: () => null };
		const kinds = new Map<string, CellSyntax>([...DEFAULT_KINDS, ['scorer', scorer]]);
		const cells = [cellOf('scorer', 'm', '{}'), sql('top', 'SELECT * FROM m_scores'), sql('M_SCORES', 'SELECT 1')];
		const graph = buildGraph(cells, kinds);
		expect(graph.dependencies.get(cells[1].id)).toEqual(new Set([cells[0].id, cells[2].id]));
		expect(graph.errors.get(cells[0].id)).toBe('duplicate name `m_scores`: also defined by cell 3');
		expect(graph.errors.get(cells[2].id)).toBe('duplicate name `M_SCORES`: also defined by cell 1');
	});

	it('names the other cell when a name is defined twice', () => {
		const cells = [sql('a', 'SELECT 1'), sql('a', 'SELECT 2')];
		expect(buildGraph(cells, DEFAULT_KINDS).errors.get(cells[1].id)).toBe('duplicate name `a`: also defined by cell 1');
	});

	it('reports a self-reference as a cycle', () => {
		const cells = [sql('a', 'SELECT * FROM a')];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		expect(graph.cycles).toEqual([[cells[0].id]]);
		expect(graph.errors.get(cells[0].id)).toBe('circular definition: a → a');
	});

	it('reports a 3-cycle on each of its cells, starting at the earliest, and leaves other cells alone', () => {
		const cells = [
			sql('free', 'SELECT 1'),
			sql('a', 'SELECT * FROM b'),
			sql('c', 'SELECT * FROM a'),
			sql('b', 'SELECT * FROM c, free')
		];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		expect(graph.cycles.map((c) => namesOf(cells, c))).toEqual([['a', 'b', 'c']]);
		for (const cell of cells.slice(1)) expect(graph.errors.get(cell.id)).toBe('circular definition: a → b → c → a');
		expect(graph.errors.has(cells[0].id)).toBe(false);
	});

	it('covers every cell of a strongly connected component with a cycle', () => {
		const cells = [sql('a', 'FROM b'), sql('b', 'FROM a, c'), sql('c', 'FROM b')];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		expect(graph.cycles.map((c) => namesOf(cells, c))).toEqual([['a', 'b'], ['b', 'c']]);
		expect(graph.errors.get(cells[2].id)).toBe('circular definition: b → c → b');
	});
});

describe('descendants', () => {
	it('returns the roots and all transitive dependents in topological order', () => {
		const cells = [
			sql('late', 'SELECT * FROM mid'),
			sql('root', 'SELECT 1'),
			sql('mid', 'SELECT * FROM root'),
			sql('unrelated', 'SELECT 2')
		];
		const graph = buildGraph(cells, DEFAULT_KINDS);
		expect(namesOf(cells, descendants(graph, [cells[1].id]))).toEqual(['root', 'mid', 'late']);
	});

	it('breaks ties by document order', () => {
		const cells = [sql('x', 'FROM root'), sql('root', 'SELECT 1'), sql('y', 'FROM root'), sql('z', 'FROM x, y'), sql('w', 'FROM root')];
		expect(namesOf(cells, descendants(buildGraph(cells, DEFAULT_KINDS), [cells[1].id]))).toEqual(['root', 'x', 'y', 'z', 'w']);
	});

	it('merges several roots into one order', () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a'), sql('c', 'SELECT 2'), sql('d', 'FROM c')];
		expect(namesOf(cells, descendants(buildGraph(cells, DEFAULT_KINDS), [cells[2].id, cells[0].id]))).toEqual(['a', 'b', 'c', 'd']);
	});

	it('ignores unknown ids', () => {
		const cells = [sql('a', 'SELECT 1')];
		expect(descendants(buildGraph(cells, DEFAULT_KINDS), ['nope' as CellId])).toEqual([]);
	});

	it('puts a cell that reads a cycle after the cycle cell it reads', () => {
		const cells = [sql('reader', 'FROM b'), sql('a', 'FROM b'), sql('b', 'FROM a')];
		expect(namesOf(cells, descendants(buildGraph(cells, DEFAULT_KINDS), [cells[1].id]))).toEqual(['a', 'b', 'reader']);
	});
});
