// A cell as a headless run reports it: its status, time, row count, columns and first rows.
// The page's `window.cin.cells` and the native engine (`npm run notebook -- run --engine
// native`) both build it here, so the two engines' results JSON are read the same way.
import type { CellData, CellRuntimeState } from '../notebook';
import type { SqlClient } from '../data/sql-client';
import { qualified } from '../data/sql';
import type { Value } from '../data/value';
import type { CellOutput } from './cell-output';

export interface CellReport {
	name: string | null;
	kind: string;
	status: string;
	error: string | null;
	ms: number | null;
	rowCount: number | null;
	columns: { name: string; type: string }[];
	rows: Value[][];
}

/** `rows`: how many rows to report at most; past the output's preview they are read from its table. */
export async function cellReport(cell: CellData, state: CellRuntimeState<CellOutput>, client: SqlClient | null, rows: number): Promise<CellReport> {
	const out = state.output;
	let columns: CellReport['columns'] = [];
	let values: Value[][] = [];
	let rowCount: number | null = null;
	if (out?.kind === 'table' && client) {
		columns = out.columns.map((c) => ({ name: c.name, type: c.type }));
		rowCount = out.rowCount;
		values =
			out.rowCount <= out.preview.length || rows <= out.preview.length
				? out.preview.slice(0, rows)
				: (await client.query(`SELECT * FROM ${qualified(out.schema, out.table)} LIMIT ${Math.floor(rows)}`)).rows;
	} else if (out?.kind === 'rows' || out?.kind === 'chart') {
		columns = out.columns.map((c) => ({ name: c.name, type: c.type }));
		rowCount = out.kind === 'rows' ? out.rowCount : out.rows.length;
		values = out.rows.slice(0, rows);
	}
	return {
		name: cell.name,
		kind: cell.kind,
		status: state.status,
		error: state.error?.message ?? null,
		ms: state.durationMs,
		rowCount,
		columns,
		rows: values
	};
}
