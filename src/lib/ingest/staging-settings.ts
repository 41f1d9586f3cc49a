import { quoteString } from '../data/sql';
import type { SqlClient } from '../data/sql-client';

/**
 * Engine settings while a source is copied into its staging table, measured in DuckDB-WASM on
 * November of the full log (66.8M rows, 8.6 GiB of CSV):
 * - memory_limit 1 GiB: the copy streams, so a smaller buffer pool costs nothing (176 s against
 *   183 s at 2 GiB), while the statement's own memory past the pool grows with its rows
 *   (~1.1 GiB here) and wasm memory never shrinks: at 2 GiB this one statement set the
 *   renderer's peak of the whole 109.9M-row run.
 * - preserve_insertion_order false: the staged rows' order is never read (every pass filters
 *   and sorts by time), and DuckDB then skips re-batching the rows in file order: 39 s against
 *   73 s for 18.4M rows.
 */
export const STAGING_SETTINGS: Readonly<Record<string, string>> = { memory_limit: '1GiB', preserve_insertion_order: 'false' };

/**
 * Runs `work` with `settings` applied, then puts back the values they replaced, even on error.
 * When `work` failed, its error is the one reported, also if putting the values back fails
 * (an engine that crashed mid-copy is restarted with the app's own settings anyway).
 */
export async function withSettings<T>(client: SqlClient, settings: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
	const names = Object.keys(settings);
	const before = (await client.query(`SELECT ${names.map((n) => `current_setting(${quoteString(n)})::VARCHAR`).join(', ')}`)).rows[0].map(String);
	const apply = (values: readonly string[]) => client.exec(names.map((n, i) => `SET ${n} = ${quoteString(values[i])}`).join('; '));
	await apply(names.map((n) => settings[n]));
	let result: T;
	try {
		result = await work();
	} catch (error) {
		await apply(before).catch(() => {});
		throw error;
	}
	await apply(before);
	return result;
}
