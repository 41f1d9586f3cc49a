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

/** `read_csv(...)` over a registered file with the event schema. */
export function readEventsCsv(fileName: string): string {
	const columns = EVENT_COLUMNS.map(([name, type]) => `'${name}': '${type}'`).join(', ');
	return `read_csv('${fileName.replaceAll("'", "''")}', header = true, delim = ',', quote = '"', columns = {${columns}}, timestampformat = '${EVENT_TIME_FORMAT}')`;
}
