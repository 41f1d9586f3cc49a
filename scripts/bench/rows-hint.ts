/** Rows guessed from a file's size, to size the bounded passes exactly as the browser does
 *  (csvFileSource in src/lib/ingest/ingest-sources.ts, which is browser-only): same guess,
 *  same passes, same SQL. */
export function rowsHint(name: string, bytes: number): number {
	return Math.ceil(bytes / (/\.gz$/i.test(name) ? 20 : 135));
}
