// The tables a cell's SQL can name, for completion: the notebook's named cells (their columns
// from the last result they produced) and the dataset's tables and views from the live catalog.
// A cell never offers itself or a cell that reads it: naming one would make a cycle.
import { descendants, type NotebookGraph } from '../notebook/graph';
import type { CellData, CellId } from '../notebook/cell';
import type { CellOutput } from '../runtime/cell-output';
import type { CompletionTable } from './complete-sql';

/** A table of the catalog (app/catalog.ts): datasets in `main`, cell results in `nb`. */
interface CatalogEntry {
	schema: string;
	name: string;
	rows: number | null;
	columns: readonly { name: string; type: string }[];
}

export interface CompletionTablesInput {
	cells: readonly CellData[];
	/** The cell being edited (null: none). */
	cellId: CellId | null;
	graph: NotebookGraph | null;
	/** A cell's last output, if any. */
	output: (id: CellId) => CellOutput | null;
	catalog: readonly CatalogEntry[];
}

export function completionTables({ cells, cellId, graph, output, catalog }: CompletionTablesInput): CompletionTable[] {
	const excluded = new Set<CellId>(cellId === null ? [] : graph ? descendants(graph, [cellId]) : [cellId]);
	const excludedNames = new Set(cells.filter((c) => excluded.has(c.id) && c.name).map((c) => c.name!.toLowerCase()));
	const saved = new Map(catalog.filter((t) => t.schema === 'nb').map((t) => [t.name.toLowerCase(), t]));
	const tables: CompletionTable[] = [];
	const named = new Set<string>();
	for (const cell of cells) {
		if (!cell.name || excluded.has(cell.id)) continue;
		const out = output(cell.id);
		const table = saved.get(cell.name.toLowerCase());
		// A table of the cell's own: a run left one (its output or the catalog says so), or a SQL cell that will.
		if (out?.kind !== 'table' && table === undefined && cell.kind !== 'sql') continue;
		const columns = out?.kind === 'table' ? out.columns.map((c) => ({ name: c.name, type: c.type })) : (table?.columns ?? []);
		const rows = out?.kind === 'table' ? out.rowCount : (table?.rows ?? null);
		tables.push({ name: cell.name, schema: 'nb', source: 'cell', columns, rows });
		named.add(cell.name.toLowerCase());
	}
	for (const t of catalog) {
		const key = t.name.toLowerCase();
		if (t.schema === 'nb' && (named.has(key) || excludedNames.has(key))) continue;
		tables.push({ name: t.name, schema: t.schema, source: 'table', columns: t.columns, rows: t.rows });
	}
	return tables;
}
