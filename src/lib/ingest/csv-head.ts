// Checks the head of a CSV file (its first few KB, as text) against the event schema before
// any work: the delimiter, the header's columns, and the format of event_time. Pure text
// inspection, because DuckDB's sniffer guesses wrong on exactly the files that need a clear
// message (a few malformed rows make it pick another delimiter).
import { mappingOffer, type ColumnMapping, type EventColumn, type MappingOffer } from './column-mapping';
import { EVENT_COLUMNS } from '../store/event-columns';
import { ENCODING_NAMES, type TextEncodingName } from './text-encoding';

export type { ColumnMapping, EventColumn, MappingOffer };

export interface CsvLayout {
	delimiter: string;
	/** The header's column names, in file order. */
	columns: string[];
	/** The file column read for each event column. */
	sources: Record<EventColumn, string>;
	/** strptime format of event_time. */
	timestampFormat: string;
	/** File columns that are not read. */
	ignored: string[];
	/** The text encoding DuckDB reads the file in (see text-encoding.ts). */
	encoding: TextEncodingName;
}

export type CsvHeadCheck = { ok: true; layout: CsvLayout; notes: string[] } | { ok: false; error: string; offer?: MappingOffer };

const DELIMITERS = [',', ';', '\t', '|'] as const;
const NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

const TIME_FORMATS: readonly (readonly [RegExp, string])[] = [
	[/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/, '%Y-%m-%d %H:%M:%S UTC'],
	[/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, '%Y-%m-%d %H:%M:%S'],
	[/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, '%Y-%m-%dT%H:%M:%S'],
	[/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, '%Y-%m-%dT%H:%M:%SZ']
];

/**
 * Checks a file's head; `mapping` is what the user confirmed for columns named otherwise, and
 * `encoding` the text encoding its bytes were decoded from (readHead finds it).
 */
export function checkCsvHead(fileName: string, head: string, mapping: ColumnMapping = {}, encoding: TextEncodingName = 'utf-8'): CsvHeadCheck {
	if (head.length === 0) return fail(`${fileName} is empty (0 bytes). Choose the exported data file itself, not a placeholder.`);
	if (looksBinary(head)) {
		return fail(`${fileName} is not a text file (it looks binary). Choose the event log as CSV (.csv or .csv.gz) or Parquet.`);
	}
	const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/);
	const headerLine = lines[0];
	const delimiter = pickDelimiter(headerLine);
	if (delimiter === null) {
		return fail(
			`${fileName} does not look like a CSV event log: its first line has no comma, semicolon, tab or pipe separating columns ("${clip(headerLine)}"). ` +
				`Choose the CSV export of the event log (columns ${EVENT_COLUMNS.map(([n]) => n).join(', ')}).`
		);
	}
	const columns = splitLine(headerLine, delimiter).map((c) => c.trim());
	const twice = columns.findIndex((c, i) => columns.findIndex((d) => d.toLowerCase() === c.toLowerCase()) !== i);
	if (twice >= 0) {
		const first = columns.findIndex((d) => d.toLowerCase() === columns[twice].toLowerCase());
		return fail(
			`${fileName} has the column ${clip(columns[twice], 40)} twice in its header (columns ${first + 1} and ${twice + 1}). Rename or remove one of them and open the file again.`
		);
	}
	const byLower = new Map(columns.map((c) => [c.toLowerCase(), c]));
	const sources: Partial<Record<EventColumn, string>> = {};
	for (const [name] of EVENT_COLUMNS) {
		const chosen = mapping[name];
		if (chosen !== undefined && columns.includes(chosen)) sources[name] = chosen;
		else if (byLower.has(name)) sources[name] = byLower.get(name);
	}
	const missing = EVENT_COLUMNS.map(([n]) => n).filter((n) => sources[n] === undefined);
	const used = new Set(Object.values(sources));
	const unused = columns.filter((c) => !used.has(c));
	if (missing.length > 0) {
		const list = missing.join(', ');
		return {
			ok: false,
			error:
				`${fileName} is missing the column${missing.length > 1 ? 's' : ''} ${list}. Its header has: ${columns.map((c) => clip(c, 40)).join(', ')}. ` +
				(unused.length ? 'If the file names them otherwise, map them to its columns; otherwise export the file with the event log columns.' : 'Export the file with the event log columns.'),
			offer: unused.length ? mappingOffer(missing, unused) : undefined
		};
	}
	const full = sources as Record<EventColumn, string>;
	const firstRow = lines.slice(1).find((l) => l.trim() !== '');
	if (firstRow === undefined) return fail(`${fileName} has a header but no rows of data.`);
	const fields = splitLine(firstRow, delimiter);
	if (fields.length !== columns.length) {
		const other = pickDelimiter(firstRow);
		const hint = other !== null && other !== delimiter && splitLine(firstRow, other).length === columns.length ? ` (it is separated by ${NAMES[other]}s)` : '';
		return fail(
			`${fileName}: its header has ${columns.length} columns separated by ${NAMES[delimiter]}s, but its first row has ${fields.length}${hint}. ` +
				`Export the file again with one separator throughout, and the same columns in every row.`
		);
	}
	const time = (fields[columns.indexOf(full.event_time)] ?? '').trim();
	const format = TIME_FORMATS.find(([pattern]) => pattern.test(time))?.[1];
	if (format === undefined) {
		return fail(
			`${fileName}: event_time values like "${clip(time, 40)}" are not in a format this app reads. ` +
				`Expected "2019-10-01 00:00:03 UTC" (as in the original files) or ISO "2019-10-01T00:00:03", in UTC.`
		);
	}
	const notes: string[] = [];
	if (encoding !== 'utf-8') notes.push(`${fileName} is ${ENCODING_NAMES[encoding]} text, not UTF-8; it is read that way.`);
	if (!/UTC|Z/.test(format)) notes.push(`${fileName}: event_time has no time zone ("${clip(time, 40)}"); it is read as UTC, like the original files.`);
	if (delimiter !== ',') notes.push(`${fileName} is separated by ${NAMES[delimiter]}s, not commas; it is read that way.`);
	if (unused.length) notes.push(`${fileName}: column${unused.length > 1 ? 's' : ''} ${unused.join(', ')} ${unused.length > 1 ? 'are' : 'is'} not part of the event log and ${unused.length > 1 ? 'are' : 'is'} ignored.`);
	return { ok: true, layout: { delimiter, columns, sources: full, timestampFormat: format, ignored: unused, encoding }, notes };
}

function fail(error: string): CsvHeadCheck {
	return { ok: false, error };
}

function looksBinary(text: string): boolean {
	const sample = text.slice(0, 4096);
	let control = 0;
	for (let i = 0; i < sample.length; i++) {
		const code = sample.charCodeAt(i);
		if (code === 0) return true;
		if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
	}
	return control > sample.length * 0.05;
}

function pickDelimiter(header: string): string | null {
	let best: string | null = null;
	let bestCount = 0;
	for (const d of DELIMITERS) {
		const count = splitLine(header, d).length - 1;
		if (count > bestCount) [best, bestCount] = [d, count];
	}
	return best;
}

/** Splits one CSV line on `delimiter`, honouring double quotes ("" inside quotes is a quote). */
export function splitLine(line: string, delimiter: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === delimiter) fields.push(field), (field = '');
		else field += ch;
	}
	fields.push(field);
	return fields;
}

function clip(text: string, max = 80): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
