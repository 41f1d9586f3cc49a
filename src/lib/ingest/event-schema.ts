import { quoteString } from '../data/sql';
import { EVENT_COLUMNS } from '../store/event-columns';

// Reading the event log's CSV files with the store's event columns (store/event-columns).

/** Times in the files look like `2019-10-01 00:00:03 UTC`. */
export const EVENT_TIME_FORMAT = '%Y-%m-%d %H:%M:%S UTC';

/** `read_csv(...)` over registered file(s) with the event schema. */
export function readEventsCsv(files: string | readonly string[]): string {
	const list = (typeof files === 'string' ? [files] : files).map(quoteString).join(', ');
	const columns = EVENT_COLUMNS.map(([name, type]) => `${quoteString(name)}: ${quoteString(type)}`).join(', ');
	return `read_csv([${list}], header = true, delim = ',', quote = '"', columns = {${columns}}, timestampformat = ${quoteString(EVENT_TIME_FORMAT)})`;
}
