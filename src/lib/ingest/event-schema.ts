import { quoteString } from '../data/sql';

// The event log schema of the "eCommerce behavior data from multi category store" files.
// Types are explicit: 19-digit category ids must never pass through a JS number or a guess.

export const EVENT_COLUMNS = [
	['event_time', 'TIMESTAMP'],
	['event_type', 'VARCHAR'],
	['product_id', 'BIGINT'],
	['category_id', 'BIGINT'],
	['category_code', 'VARCHAR'],
	['brand', 'VARCHAR'],
	['price', 'DOUBLE'],
	['user_id', 'BIGINT'],
	['user_session', 'VARCHAR']
] as const;

/** Times in the files look like `2019-10-01 00:00:03 UTC`. */
export const EVENT_TIME_FORMAT = '%Y-%m-%d %H:%M:%S UTC';

/** `read_csv(...)` over registered file(s) with the event schema. */
export function readEventsCsv(files: string | readonly string[]): string {
	const list = (typeof files === 'string' ? [files] : files).map(quoteString).join(', ');
	const columns = EVENT_COLUMNS.map(([name, type]) => `${quoteString(name)}: ${quoteString(type)}`).join(', ');
	return `read_csv([${list}], header = true, delim = ',', quote = '"', columns = {${columns}}, timestampformat = ${quoteString(EVENT_TIME_FORMAT)})`;
}
