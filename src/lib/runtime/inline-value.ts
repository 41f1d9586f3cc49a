// What prose shows for a `${cell.column}` reference: the value in the first row of the cell's
// current result, or why there is none. Read from the cell's state each time it is shown, so a
// cell that is re-running, failed or was never run says so rather than leaving an old number.
import { formatValue } from '../data/format-value';
import type { CellData, CellId, CellRuntimeState } from '../notebook';
import type { CellOutput } from './cell-output';

export type InlineValue =
	| { state: 'value'; text: string; cellId: CellId }
	/** The cell exists but holds no current value: not run yet, running, failed, or no such column. */
	| { state: 'pending' | 'failed' | 'empty'; text: string; cellId: CellId }
	| { state: 'missing'; text: string; cellId: null };

export function inlineValue(
	ref: { cell: string; column: string },
	cells: readonly CellData[],
	stateOf: (id: CellId) => CellRuntimeState<CellOutput>
): InlineValue {
	const cell = cells.find((c) => c.name?.toLowerCase() === ref.cell);
	if (!cell) return { state: 'missing', text: `no cell named ${ref.cell}`, cellId: null };
	const run = stateOf(cell.id);
	const cellId = cell.id;
	if (run.status === 'error' || run.status === 'upstream-error') return { state: 'failed', text: `${ref.cell} failed`, cellId };
	if (run.status !== 'done' || !run.output) {
		const doing = run.status === 'running' ? 'running' : run.status === 'queued' ? 'queued' : 'not run yet';
		return { state: 'pending', text: `${ref.cell} ${doing}`, cellId };
	}
	const out = run.output;
	const table = out.kind === 'table' ? { columns: out.columns, rows: out.preview } : out.kind === 'rows' ? out : null;
	if (!table) return { state: 'empty', text: `${ref.cell} has no table`, cellId };
	const index = table.columns.findIndex((c) => c.name.toLowerCase() === ref.column.toLowerCase());
	if (index < 0) return { state: 'empty', text: `${ref.cell} has no column ${ref.column}`, cellId };
	if (table.rows.length === 0) return { state: 'empty', text: `${ref.cell} has no rows`, cellId };
	return { state: 'value', text: formatValue(table.rows[0][index], table.columns[index]), cellId };
}
