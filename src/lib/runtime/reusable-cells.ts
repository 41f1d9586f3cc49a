// Which cells of a reopened notebook need no run at all: what they show was produced with their
// current fingerprint and their kind says it still holds (a named SQL cell's table is in the
// database with that fingerprint). Only the other cells go through the scheduler, so a reopened
// notebook whose results are all current does no per-cell work (no query, no queued → running →
// done churn re-rendering 72 cells).
import { topologicalOrder, type CellData, type CellId, type NotebookGraph } from '../notebook';
import type { SqlClient } from '../data/sql-client';
import type { CellOutput } from './cell-output';
import type { CellKinds } from './kinds/registry';
import type { SavedTable } from './results-cache';

export interface ShownOutput {
	/** The fingerprint the output was produced with. */
	fingerprint: string;
	output: CellOutput;
}

export interface ReuseInputs {
	cells: readonly CellData[];
	graph: NotebookGraph;
	kinds: CellKinds;
	fingerprints: ReadonlyMap<CellId, string>;
	shown: ReadonlyMap<CellId, ShownOutput>;
	tables: ReadonlyMap<string, SavedTable>;
	/** Restores what a reused cell keeps outside the database (an input's variable). */
	client: SqlClient;
}

export async function reusableCells({ cells, graph, kinds, fingerprints, shown, tables, client }: ReuseInputs): Promise<Set<CellId>> {
	const byId = new Map(cells.map((c) => [c.id, c]));
	const reusable = new Set<CellId>();
	for (const id of topologicalOrder(graph, graph.order)) {
		const cell = byId.get(id);
		const kind = cell && kinds.get(cell.kind);
		if (!cell || !kind || graph.errors.has(id)) continue;
		// A dependency that runs again may change what this cell reads.
		if ([...(graph.dependencies.get(id) ?? [])].some((dep) => !reusable.has(dep))) continue;
		const fingerprint = fingerprints.get(id) ?? '';
		const current = shown.get(id);
		const output = current?.fingerprint === fingerprint ? current.output : undefined;
		if (!kind.reusable(cell, output, { tables, fingerprint })) continue;
		try {
			await kind.restore?.(cell, client);
		} catch {
			continue; // its run reports the problem on the cell
		}
		reusable.add(id);
	}
	return reusable;
}
