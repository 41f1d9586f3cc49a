export type CellId = string & { readonly __brand: 'CellId' };

let counter = 0;
const session = Math.random().toString(36).slice(2, 8);

export function newCellId(): CellId {
	counter += 1;
	return `c${counter.toString(36)}-${session}` as CellId;
}

/** A registered kind's name (see cell-syntax.ts): sql, chart, input, markdown and any kind added since. */
export type CellKind = string;

/** What the user edits. */
export interface CellData {
	id: CellId;
	kind: CellKind;
	/** sql: the table it defines; input: the variable it defines; chart/markdown: an optional label. */
	name: string | null;
	source: string;
	/** Other fence attributes, e.g. collapsed="true". */
	attrs: Record<string, string>;
}

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'upstream-error';

/** What the last run produced; kept apart from CellData. */
export interface CellRuntimeState<Output = unknown> {
	status: CellStatus;
	version: number;
	startedAt: number | null;
	durationMs: number | null;
	error: { message: string; sql?: string } | null;
	output: Output | null;
}

export function idleState<Output = unknown>(): CellRuntimeState<Output> {
	return { status: 'idle', version: 0, startedAt: null, durationMs: null, error: null, output: null };
}

const CELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isValidCellName(name: string): boolean {
	return name.length <= 63 && CELL_NAME.test(name);
}
