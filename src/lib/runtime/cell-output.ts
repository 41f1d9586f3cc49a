import type { ChartSpec } from '../notebook/chart-spec';
import type { InputSpec } from '../notebook/input-spec';
import type { ColumnInfo, Row } from '../data/value';

/** What a run of a cell produced; lives in CellRuntimeState.output, never in the document. */
export type CellOutput =
	/** A named SQL cell: its result is the table `schema.name`, paged from DuckDB on demand. */
	| { kind: 'table'; schema: string; table: string; columns: ColumnInfo[]; rowCount: number; preview: Row[]; cached: boolean }
	/** An unnamed SQL cell or a statement: its rows are held in memory (capped). */
	| { kind: 'rows'; columns: ColumnInfo[]; rows: Row[]; rowCount: number }
	| { kind: 'chart'; spec: ChartSpec; columns: ColumnInfo[]; rows: Row[]; truncated: boolean }
	/** An input cell: the value its variable now holds. */
	| { kind: 'input'; spec: InputSpec }
	| { kind: 'none' };

/** Rows a chart reads at most: Plot draws SVG, more marks than this are unreadable anyway. */
export const CHART_ROW_LIMIT = 50_000;
/** Rows of an unnamed cell's result kept in memory. */
export const LOCAL_ROW_LIMIT = 100_000;
/** Rows fetched with a named cell's result so the first screen needs no second query. */
export const PREVIEW_ROWS = 200;
