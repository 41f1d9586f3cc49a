import type { CellData, CellId } from './cell';
import { syntaxOf, type CellSyntaxes } from './cell-syntax';
import { findCycles } from './cycles';

export interface NotebookGraph {
	/** Document order. */
	order: CellId[];
	/** cell → cells it reads. */
	dependencies: Map<CellId, Set<CellId>>;
	dependents: Map<CellId, Set<CellId>>;
	/** Each cycle's cells in cycle order (each reads the next), starting at the earliest in document order. */
	cycles: CellId[][];
	/** Structural errors (duplicate name, circular definition); such cells cannot run. */
	errors: Map<CellId, string>;
}

export function buildGraph(cells: readonly CellData[], kinds: CellSyntaxes): NotebookGraph {
	const order = cells.map((c) => c.id);
	const tables = new Map<string, CellId[]>();
	const variables = new Map<string, CellId[]>();
	const definers = new Map<string, { cell: CellData; name: string }[]>();
	for (const cell of cells) {
		const syntax = syntaxOf(kinds, cell.kind);
		if (cell.name === null || syntax.defines === null) continue;
		const defined = [cell.name, ...(syntax.defines === 'table' ? (syntax.extraTables?.(cell) ?? []) : [])];
		for (const name of new Set(defined)) {
			const key = name.toLowerCase();
			push(syntax.defines === 'table' ? tables : variables, key, cell.id);
			push(definers, key, { cell, name });
		}
	}

	const dependencies = new Map<CellId, Set<CellId>>(order.map((id) => [id, new Set()]));
	const dependents = new Map<CellId, Set<CellId>>(order.map((id) => [id, new Set()]));
	for (const cell of cells) {
		const refs = syntaxOf(kinds, cell.kind).references(cell);
		const targets = [
			...[...refs.tables].flatMap((name) => tables.get(name) ?? []),
			...[...refs.variables].flatMap((name) => variables.get(name) ?? [])
		];
		for (const target of targets) {
			dependencies.get(cell.id)!.add(target);
			dependents.get(target)!.add(cell.id);
		}
	}

	const errors = new Map<CellId, string>();
	const index = new Map(order.map((id, i) => [id, i]));
	const names = new Map(cells.map((c) => [c.id, c.name ?? `cell ${index.get(c.id)! + 1}`]));
	for (const same of definers.values()) {
		if (same.length < 2) continue;
		for (const { cell, name } of same) {
			const others = same.filter((d) => d.cell !== cell).map((d) => index.get(d.cell.id)! + 1);
			const where = others.length === 1 ? `cell ${others[0]}` : `cells ${others.join(', ')}`;
			addError(errors, cell.id, `duplicate name \`${name}\`: also defined by ${where}`);
		}
	}
	const cycles = findCycles(order, dependencies);
	for (const cycle of cycles) {
		const path = [...cycle, cycle[0]].map((id) => names.get(id)).join(' → ');
		for (const id of cycle) addError(errors, id, `circular definition: ${path}`);
	}
	return { order, dependencies, dependents, cycles, errors };
}

/** Roots and all their transitive dependents, topologically sorted, ties broken by document order. */
export function descendants(graph: NotebookGraph, roots: Iterable<CellId>): CellId[] {
	const found = new Set<CellId>();
	const stack = [...roots].filter((id) => graph.dependencies.has(id));
	while (stack.length > 0) {
		const id = stack.pop()!;
		if (found.has(id)) continue;
		found.add(id);
		for (const next of graph.dependents.get(id) ?? []) stack.push(next);
	}
	return topologicalOrder(graph, found);
}

/**
 * Kahn's algorithm over `ids`, the earliest ready cell in document order first; when only cycles
 * remain, their earliest cell comes out next.
 */
export function topologicalOrder(graph: NotebookGraph, ids: Iterable<CellId>): CellId[] {
	const members = new Set(ids);
	const pending = new Map<CellId, number>();
	for (const id of members) {
		let count = 0;
		for (const dep of graph.dependencies.get(id) ?? []) if (members.has(dep) && dep !== id) count += 1;
		pending.set(id, count);
	}
	const cyclic = new Set(graph.cycles.flat());
	const sorted: CellId[] = [];
	const remaining = graph.order.filter((id) => members.has(id));
	while (remaining.length > 0) {
		let at = remaining.findIndex((id) => pending.get(id) === 0);
		// Only cycles block every remaining cell; a cell off the cycles still waits for its dependencies.
		if (at < 0) at = Math.max(0, remaining.findIndex((id) => cyclic.has(id)));
		const [id] = remaining.splice(at, 1);
		sorted.push(id);
		for (const next of graph.dependents.get(id) ?? []) {
			const count = pending.get(next);
			if (count !== undefined && count > 0) pending.set(next, count - 1);
		}
	}
	return sorted;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function addError(errors: Map<CellId, string>, id: CellId, message: string): void {
	const previous = errors.get(id);
	errors.set(id, previous === undefined ? message : `${previous}; ${message}`);
}
