/** Rows one bounded pass handles; ~1.4 GB of in-memory rows in DuckDB-WASM per 10M (DESIGN §3). */
export const ROWS_PER_PASS = 10_000_000;

/** How many passes keep each pass near `rowsPerPass` rows: at least 1. */
export function partitionsFor(rows: number, rowsPerPass: number = ROWS_PER_PASS): number {
	if (!Number.isFinite(rows) || rows < 0) throw new Error(`invalid rows: ${rows}`);
	if (!(rowsPerPass > 0)) throw new Error(`invalid rowsPerPass: ${rowsPerPass}`);
	return Math.max(1, Math.ceil(rows / rowsPerPass));
}

/** Normalises an explicit pass count. */
export function passCount(passes: number): number {
	if (!Number.isInteger(passes) || passes < 1) throw new Error(`invalid passes: ${passes}`);
	return passes;
}
