// Which cells of a reopened notebook need no run at all: what they show was produced with
// their current fingerprint and, for a named SQL cell, its table is in the database with that
// fingerprint. Only the other cells go through the scheduler, so a reopened notebook whose
// results are all current does no per-cell work (no query, no queued → running → done churn
// re-rendering 72 cells).
import { topologicalOrder, type CellData, type CellId, type NotebookGraph } from '../notebook';
import type { CellOutput } from './cell-output';
import type { SavedTable } from './saved-tables';

export interface ShownOutput {
	/** The fingerprint the output was produced with. */
	fingerprint: string;
	output: CellOutput;
}

export function reusableCells(
	cells: readonly CellData[],
	graph: NotebookGraph,
	fingerprints: ReadonlyMap<CellId, string>,
	shown: ReadonlyMap<CellId, ShownOutput>,
	tables: ReadonlyMap<string, SavedTable>,
	/** Input cells whose variable is set in this session. */
	inputsSet: ReadonlySet<CellId>
): Set<CellId> {
	const byId = new Map(cells.map((c) => [c.id, c]));
	const reusable = new Set<CellId>();
	for (const id of topologicalOrder(graph, graph.order)) {
		const cell = byId.get(id);
		if (!cell || graph.errors.has(id)) continue;
		// A dependency that runs again may change what this cell reads.
		if ([...(graph.dependencies.get(id) ?? [])].some((dep) => !reusable.has(dep))) continue;
		if (cell.kind === 'markdown') {
			reusable.add(id);
			continue;
		}
		const current = shown.get(id);
		if (!current || current.fingerprint !== fingerprints.get(id)) continue;
		const kind = current.output.kind;
		const ok =
			cell.kind === 'sql'
				? cell.name !== null && kind === 'table' && tables.get(cell.name)?.fingerprint === current.fingerprint
				: cell.kind === 'chart'
					? kind === 'chart'
					: cell.kind === 'input' && kind === 'input' && inputsSet.has(id);
		if (ok) reusable.add(id);
	}
	return reusable;
}
