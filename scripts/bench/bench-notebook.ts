// The notebook as the benchmark runs it natively: its SQL cells in the scheduler's order (the
// native half hands each to the app's own cell runner, as the page does), and each input with
// the cells it re-runs. Keys name cells the same way in both engines.
import { buildGraph, descendants, topologicalOrder, validateInputSpec, type CellData } from '../../src/lib/notebook';
import { DEFAULT_KINDS, readNotebook } from '../../src/lib/runtime';
import { alternativeValue } from './alternative-value';

export interface BenchQuery {
	key: string;
	/** The cell, as the native half hands it to the app's cell runner. */
	cell: CellData;
}

export interface BenchInput {
	name: string;
	value: number | string;
	alternative: number | string;
	/** Keys of the SQL cells a change re-runs, in run order. */
	dependants: string[];
}

export interface BenchNotebook {
	text: string;
	/** SQL cells in run order (topological, ties in document order), but those reading a model's or stats cell's tables. */
	queries: BenchQuery[];
	inputs: BenchInput[];
	/** Keys of the cells `window.cin.cells()` reports (all but markdown), in document order. */
	reportKeys: string[];
	/** Their kinds, in the same order. */
	reportKinds: string[];
}

export function benchNotebook(text: string): BenchNotebook {
	const doc = readNotebook(text);
	const cells = doc.cells;
	const graph = buildGraph(cells, DEFAULT_KINDS);
	const index = new Map(cells.map((c, i) => [c.id, i]));
	const key = (c: CellData) => c.name ?? `cell ${index.get(c.id)! + 1}`;
	const byId = new Map(cells.map((c) => [c.id, c]));

	// SQL cells that read what a model or stats cell computed in JavaScript are left out: native
	// DuckDB has no trainer, and what they cost is the model's (its own step measures it).
	const computed = new Set(descendants(graph, cells.filter((c) => c.kind === 'model' || c.kind === 'stats').map((c) => c.id)));
	const isQuery = (c: CellData) => c.kind === 'sql' && !computed.has(c.id);
	const order = topologicalOrder(graph, graph.order);
	const queries = order.map((id) => byId.get(id)!).filter(isQuery).map((c) => ({ key: key(c), cell: c }));

	const inputs: BenchInput[] = [];
	for (const cell of cells) {
		if (cell.kind !== 'input' || !cell.name) continue;
		const checked = validateInputSpec(JSON.parse(cell.source));
		if (!checked.ok) throw new Error(`input ${cell.name}: ${checked.error}`);
		const dependants = descendants(graph, [cell.id])
			.map((id) => byId.get(id)!)
			.filter(isQuery)
			.map(key);
		inputs.push({ name: cell.name, value: checked.spec.value, alternative: alternativeValue(checked.spec), dependants });
	}
	const reported = cells.filter((c) => c.kind !== 'markdown');
	return { text, queries, inputs, reportKeys: reported.map(key), reportKinds: reported.map((c) => c.kind) };
}
