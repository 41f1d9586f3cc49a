// The notebook as the benchmark runs it natively: each SQL cell's statement as the browser's
// runner issues it (a named cell becomes `CREATE OR REPLACE TABLE nb.<name> AS (…)`, `$name`
// becomes getvariable('name')), in the scheduler's order, and each input with the cells it
// re-runs. Keys name cells the same way in both engines.
import { isSingleQuery, splitStatements } from '../../src/lib/data/statements';
import { qualified } from '../../src/lib/data/sql';
import { buildGraph, descendants, parseNotebook, topologicalOrder, validateInputSpec, type CellData } from '../../src/lib/notebook';
import { bindVariables } from '../../src/lib/runner/bind-variables';
import { CELL_SCHEMA } from '../../src/lib/runner/cell-runner';
import { alternativeValue } from './alternative-value';

export interface BenchQuery {
	key: string;
	/** The cell, as the native half hands it to the app's cell runner. */
	cell: CellData;
	/** null for a cell whose SQL cannot run as a table (an error in the browser too). */
	sql: string | null;
	error?: string;
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
	/** SQL cells in run order (topological, ties in document order). */
	queries: BenchQuery[];
	inputs: BenchInput[];
	/** Keys of the cells `window.cin.cells()` reports (all but markdown), in document order. */
	reportKeys: string[];
	/** Their kinds, in the same order. */
	reportKinds: string[];
}

export function benchNotebook(text: string): BenchNotebook {
	const doc = parseNotebook(text);
	const cells = doc.cells;
	const graph = buildGraph(cells);
	const index = new Map(cells.map((c, i) => [c.id, i]));
	const key = (c: CellData) => c.name ?? `cell ${index.get(c.id)! + 1}`;
	const byId = new Map(cells.map((c) => [c.id, c]));
	const variables = new Set(cells.flatMap((c) => (c.kind === 'input' && c.name ? [c.name.toLowerCase()] : [])));

	const order = topologicalOrder(graph, graph.order);
	const queries = order.map((id) => byId.get(id)!).filter((c) => c.kind === 'sql').map((c) => sqlQuery(c, key(c), variables));

	const inputs: BenchInput[] = [];
	for (const cell of cells) {
		if (cell.kind !== 'input' || !cell.name) continue;
		const checked = validateInputSpec(JSON.parse(cell.source));
		if (!checked.ok) throw new Error(`input ${cell.name}: ${checked.error}`);
		const dependants = descendants(graph, [cell.id])
			.map((id) => byId.get(id)!)
			.filter((c) => c.kind === 'sql')
			.map(key);
		inputs.push({ name: cell.name, value: checked.spec.value, alternative: alternativeValue(checked.spec), dependants });
	}
	const reported = cells.filter((c) => c.kind !== 'markdown');
	return { text, queries, inputs, reportKeys: reported.map(key), reportKinds: reported.map((c) => c.kind) };
}

function sqlQuery(cell: CellData, key: string, variables: ReadonlySet<string>): BenchQuery {
	let bound: string;
	try {
		bound = bindVariables(cell.source, variables);
	} catch (error) {
		return { key, cell, sql: null, error: (error as Error).message };
	}
	if (!cell.name) return { key, cell, sql: bound };
	if (!isSingleQuery(bound)) return { key, cell, sql: null, error: `cell ${cell.name} is not one query` };
	const [query] = splitStatements(bound);
	return { key, cell, sql: `CREATE OR REPLACE TABLE ${qualified(CELL_SCHEMA, cell.name)} AS (\n${query}\n)` };
}
