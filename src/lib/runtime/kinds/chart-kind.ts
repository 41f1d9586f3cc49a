// Chart cells: a declarative Plot spec (JSON, never code) over the rows of the cell or table
// its `data` names. The spec is drawn by the page; a run reads the rows it draws.
import { noReferences, validateChartSpec, type CellData, type ChartSpec } from '../../notebook';
import { quoteIdent } from '../../data/sql';
import { CHART_ROW_LIMIT } from '../cell-output';
import type { CellKind } from './cell-kind';
import { readJsonSpec, specOrThrow } from './json-spec';

const EXAMPLE = '{"data": "daily", "marks": [{"type": "lineY", "x": "day", "y": "revenue"}]}';

const readChart = (cell: CellData) => readJsonSpec<ChartSpec>(cell.source, validateChartSpec, EXAMPLE);

export const chartKind: CellKind = {
	kind: 'chart',
	defines: null,
	template: '{\n  "data": "daily",\n  "marks": [{ "type": "lineY", "x": "day", "y": "revenue" }]\n}',
	references(cell) {
		// Read leniently: a half-typed spec still depends on the table it names.
		try {
			const spec: unknown = JSON.parse(cell.source);
			if (spec && typeof spec === 'object' && 'data' in spec && typeof spec.data === 'string') {
				return { tables: new Set([spec.data.toLowerCase()]), variables: new Set() };
			}
		} catch {
			// Its run reports the JSON problem.
		}
		return noReferences();
	},
	check: (cell) => {
		const read = readChart(cell);
		return read.ok ? null : read.problem;
	},
	writes: () => [],
	// Same fingerprint, same rows: the chart reads a table that is itself current.
	reusable: (_, shown) => shown?.kind === 'chart',
	async run(cell, { client, signal, force, shownBefore }) {
		if (!force && shownBefore?.kind === 'chart') return shownBefore;
		const spec = specOrThrow(readChart(cell));
		// Unqualified, so the search path finds a cell's table first, then a dataset table.
		const result = await client.query(`SELECT * FROM ${quoteIdent(spec.data)} LIMIT ${CHART_ROW_LIMIT + 1}`, { signal });
		const truncated = result.rows.length > CHART_ROW_LIMIT;
		return { kind: 'chart', spec, columns: result.columns, rows: result.rows.slice(0, CHART_ROW_LIMIT), truncated };
	}
};
