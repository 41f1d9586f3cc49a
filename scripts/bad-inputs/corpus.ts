// The bad-input corpus: files a user might really open (a download cut short, an export in
// another encoding, a spreadsheet's idea of a CSV, someone else's notebook…), each made here
// from text and bytes so no fixture is ever a hand-edited binary. `npm run bad-inputs` writes
// them to tests/fixtures/bad/; the tests read the same bytes from this module.
import { gzipSync } from 'node:zlib';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { writeParquet } from '../../src/lib/ingest/parquet';
import { shareFragment } from '../../src/lib/notebook/share-link';

/** Where `npm run bad-inputs` writes the corpus, relative to the repository. */
export const FIXTURES_DIR = 'tests/fixtures/bad';

/** `link`: the fragment of a shared-notebook link (`#nb=…`), as text. */
export type BadInputKind = 'data' | 'notebook' | 'link';

export interface BadInput {
	name: string;
	kind: BadInputKind;
	/** What is wrong with it, as a user would say it. */
	about: string;
	bytes: Uint8Array;
	/** Too big to commit: written to the fixtures folder but ignored by git. */
	large?: boolean;
}

export const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';

/** A well-formed event row; `i` varies the time, product, user and session. */
export function row(i: number, fields: Partial<Record<'time' | 'type' | 'brand' | 'price' | 'user' | 'product', string>> = {}): string {
	const s = String(i % 60).padStart(2, '0');
	const m = String(Math.floor(i / 60) % 60).padStart(2, '0');
	const h = String(Math.floor(i / 3600) % 24).padStart(2, '0');
	return [
		fields.time ?? `2019-10-01 ${h}:${m}:${s} UTC`,
		fields.type ?? (i % 10 === 9 ? 'cart' : 'view'),
		fields.product ?? String(44600062 + (i % 50)),
		'2103807459595387724',
		i % 3 === 0 ? '' : 'appliances.environment.vacuum',
		fields.brand ?? (i % 4 === 0 ? '' : 'shiseido'),
		fields.price ?? `${(35 + (i % 20)).toFixed(2)}`,
		fields.user ?? String(541312140 + (i % 30)),
		`72d76fde-8bb3-4e00-8c23-${String(i % 40).padStart(12, '0')}`
	].join(',');
}

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => row(from + i));
const text = (lines: string[], eol = '\n') => new TextEncoder().encode(lines.join(eol) + eol);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const ascii = (s: string) => new TextEncoder().encode(s);

/** Deterministic pseudo-random bytes (a PNG signature first, as a renamed image would have). */
function noise(length: number, seed: number): Uint8Array {
	const out = new Uint8Array(length);
	let x = seed >>> 0;
	for (let i = 0; i < length; i++) {
		x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
		out[i] = x >>> 24;
	}
	out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return out;
}

function utf16le(s: string): Uint8Array {
	const out = new Uint8Array(2 + s.length * 2);
	out.set([0xff, 0xfe]);
	for (let i = 0; i < s.length; i++) {
		out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
		out[3 + 2 * i] = s.charCodeAt(i) >> 8;
	}
	return out;
}

/** Events as a Parquet file, through the app's own writer (parquet-wasm). */
async function parquet(columns: Record<string, unknown[]>): Promise<Uint8Array> {
	return writeParquet(tableToIPC(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]), 'stream'));
}

const NOTEBOOK_HEAD = ['---', 'notebook: customer-intelligence-notebook', 'version: 1', 'title: Shared analysis', '---', ''];

export async function badInputs(): Promise<BadInput[]> {
	const good = text([HEADER, ...rows(20)]);
	const gz = gzipSync(text([HEADER, ...rows(5000)]), { level: 9 });
	const rightParquet = await parquet({
		event_time: ['2019-10-01 00:00:00 UTC', '2019-10-01 00:00:01 UTC'],
		event_type: ['view', 'view'],
		product_id: [1, 2],
		category_id: [2, 3],
		category_code: ['a', 'b'],
		brand: ['x', 'y'],
		price: [1.5, 2.5],
		user_id: [7, 8],
		user_session: ['s', 't']
	});
	const hostileMarkdown = text([
		...NOTEBOOK_HEAD,
		'# Results <script>alert(1)</script>',
		'',
		'<img src=x onerror=alert(2)> and [a link](javascript:alert(3))',
		'',
		'```sql name=top',
		'SELECT 1 AS one',
		'```'
	]);
	const link = `#${await shareFragment(new TextDecoder().decode(text([...NOTEBOOK_HEAD, '# Top products', '', '```sql name=top', 'SELECT product_id, count(*) AS views FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 10', '```'])))}`;
	const files: BadInput[] = [
		// ---- CSV event logs ------------------------------------------------------------------
		{ name: 'empty.csv', kind: 'data', about: 'a 0-byte file', bytes: new Uint8Array() },
		{ name: 'header-only.csv', kind: 'data', about: 'the header and no rows', bytes: text([HEADER]) },
		{ name: 'missing-column.csv', kind: 'data', about: 'no user_session column', bytes: text([HEADER.replace(',user_session', ''), ...rows(3).map((r) => r.replace(/,[^,]*$/, ''))]) },
		{ name: 'truncated-mid-row.csv', kind: 'data', about: 'a download cut short in the middle of a row', bytes: ascii([HEADER, ...rows(3)].join('\n') + '\n2019-10-01 00:00:09 UTC,view,446') },
		{ name: 'truncated-mid-quote.csv', kind: 'data', about: 'cut short inside a quoted field', bytes: ascii([HEADER, ...rows(3)].join('\n') + '\n2019-10-01 00:00:09 UTC,view,44600062,2103807459595387724,"appliances.env') },
		{ name: 'semicolons.csv', kind: 'data', about: 'separated by semicolons (a European spreadsheet export)', bytes: text([HEADER, ...rows(3)].map((l) => l.replaceAll(',', ';'))) },
		{ name: 'mixed-delimiters.csv', kind: 'data', about: 'a comma header over rows separated by semicolons', bytes: text([HEADER, ...rows(3).map((l) => l.replaceAll(',', ';'))]) },
		{ name: 'extra-columns.csv', kind: 'data', about: 'two columns the event log does not have', bytes: text([`${HEADER},store,channel`, ...rows(3).map((r) => `${r},berlin,web`)]) },
		{ name: 'reordered-columns.csv', kind: 'data', about: 'the event columns in another order', bytes: text(reorder([HEADER, ...rows(3)])) },
		{ name: 'crlf.csv', kind: 'data', about: 'Windows line endings', bytes: text([HEADER, ...rows(3)], '\r\n') },
		{ name: 'bom.csv', kind: 'data', about: 'a UTF-8 byte order mark (Excel\'s "CSV UTF-8")', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...text([HEADER, ...rows(3)])]) },
		{ name: 'latin1.csv', kind: 'data', about: 'Latin-1 text: accented brands in the first rows', bytes: latin1([HEADER, row(0, { brand: 'nestl\u00e9' }), row(1, { brand: 'l\u00e9go' }), row(2)].join('\n') + '\n') },
		{
			name: 'latin1-late.csv',
			kind: 'data',
			about: 'Latin-1 text whose first accented byte comes after the first 64 KB',
			bytes: latin1([HEADER, ...rows(700), row(700, { brand: 'cr\u00e8me' }), row(701)].join('\n') + '\n')
		},
		{ name: 'utf16.csv', kind: 'data', about: 'UTF-16 text (some Windows tools save "Unicode" this way)', bytes: utf16le([HEADER, ...rows(3)].join('\r\n') + '\r\n') },
		{ name: 'mixed-timestamps.csv', kind: 'data', about: 'event_time in two formats', bytes: text([HEADER, row(0), row(1, { time: '01/10/2019 00:00:01' }), row(2)]) },
		{ name: 'no-utc-suffix.csv', kind: 'data', about: 'event_time without " UTC"', bytes: text([HEADER, ...rows(3).map((r) => r.replace(' UTC', ''))]) },
		{ name: 'bad-price.csv', kind: 'data', about: 'a price that is not a number', bytes: text([HEADER, row(0), row(1, { price: 'N/A' }), row(2)]) },
		{ name: 'negative-price.csv', kind: 'data', about: 'a negative price', bytes: text([HEADER, row(0), row(1, { price: '-35.79' }), row(2)]) },
		{ name: 'long-ids.csv', kind: 'data', about: 'a user_id of 23 digits', bytes: text([HEADER, row(0), row(1, { user: '54131214054131214054131' }), row(2)]) },
		{ name: 'duplicate-header.csv', kind: 'data', about: 'the column price twice', bytes: text([`${HEADER},price`, ...rows(3).map((r) => `${r},1.00`)]) },
		{ name: 'unknown-event-type.csv', kind: 'data', about: 'an event_type the log does not have', bytes: text([HEADER, row(0), row(1, { type: 'teleport' }), row(2)]) },
		{ name: 'long-line.csv', kind: 'data', about: 'a 3 MB line (a brand of 3 million characters)', bytes: text([HEADER, row(0), row(1, { brand: 'x'.repeat(3_000_000) }), row(2)]), large: true },
		{ name: 'html-page.csv', kind: 'data', about: 'an error page saved as .csv', bytes: text(['<!DOCTYPE html>', '<html><head><title>404 Not Found</title></head>', '<body>Not Found</body></html>']) },
		{ name: 'binary.csv', kind: 'data', about: 'random bytes named .csv', bytes: noise(4096, 7) },
		{ name: 'notes.txt', kind: 'data', about: 'a text file that is not a data file', bytes: text(['Shopping list', 'milk and eggs']) },
		{ name: 'hostile-values.csv', kind: 'data', about: 'markup and script in brands and sessions', bytes: text([HEADER, row(0, { brand: '<img src=x onerror=alert(1)>' }), row(1, { brand: '<script>alert(2)</script>' }), row(2)]) },
		{ name: 'truncated.csv.gz', kind: 'data', about: 'a gzip download cut short', bytes: gz.subarray(0, Math.floor(gz.length / 2)) },
		{ name: 'not-gzip.csv.gz', kind: 'data', about: 'plain text named .csv.gz', bytes: good },
		// ---- Parquet ----------------------------------------------------------------------------
		{ name: 'wrong-schema.parquet', kind: 'data', about: 'a Parquet table of something else', bytes: await parquet({ order_id: [1, 2], amount: [9.5, 3] }) },
		{ name: 'truncated.parquet', kind: 'data', about: 'a Parquet download cut short', bytes: rightParquet.subarray(0, Math.floor(rightParquet.length * 0.6)) },
		{ name: 'not-parquet.parquet', kind: 'data', about: 'a CSV renamed .parquet', bytes: good },
		// ---- notebooks --------------------------------------------------------------------------
		{ name: 'broken-fence.md', kind: 'notebook', about: 'a code fence never closed', bytes: text([...NOTEBOOK_HEAD, '```sql name=top', 'SELECT 1']) },
		{ name: 'unknown-kind.md', kind: 'notebook', about: 'a cell kind this app does not have', bytes: text([...NOTEBOOK_HEAD, '```python name=fit', 'import sklearn', '```']) },
		{ name: 'future-version.md', kind: 'notebook', about: 'written by a newer version of the app', bytes: text([...NOTEBOOK_HEAD.map((l) => l.replace('version: 1', 'version: 7')), '```sql name=top', 'SELECT 1', '```']) },
		{ name: 'plain-readme.md', kind: 'notebook', about: 'a README, not a notebook', bytes: text(['# Our project', '', 'Some notes.']) },
		{ name: 'hostile-markdown.md', kind: 'notebook', about: 'script and onerror in markdown', bytes: hostileMarkdown },
		{ name: 'huge-notebook.md', kind: 'notebook', about: 'a 50 MB document', bytes: hugeNotebook(50 * 1024 * 1024), large: true },
		// ---- shared-notebook links ------------------------------------------------------------
		{ name: 'cut-short.link', kind: 'link', about: 'a link whose end was lost (split over two lines)', bytes: ascii(link.slice(0, Math.floor(link.length / 2))) },
		{ name: 'tampered.link', kind: 'link', about: 'a link with one character changed in transit', bytes: ascii(tamper(link)) },
		{ name: 'garbled.link', kind: 'link', about: 'a link with spaces and quotes pasted into it', bytes: ascii(`${link.slice(0, 40)}%20%22${link.slice(40)}`) },
		{ name: 'future-format.link', kind: 'link', about: 'a link made by a newer version', bytes: ascii(`#nb=9.${link.slice(link.indexOf('.') + 1)}`) },
		{ name: 'foreign.link', kind: 'link', about: 'another app using the same fragment key', bytes: ascii('#nb=https://example.com/notebook.ipynb') },
		{ name: 'empty.link', kind: 'link', about: 'a link with the key and nothing else', bytes: ascii('#nb=1.') },
		{ name: 'expanding.link', kind: 'link', about: 'a short link that inflates to 60 MB', bytes: ascii(`#${await shareFragment(' '.repeat(60_000_000))}`) },
		{ name: 'not-a-notebook.link', kind: 'link', about: 'a valid link to text that is not a notebook', bytes: ascii(`#${await shareFragment('just some words\n')}`) },
		{ name: 'hostile.link', kind: 'link', about: 'a valid link to a notebook with script in its markdown', bytes: ascii(`#${await shareFragment(new TextDecoder().decode(hostileMarkdown))}`) }
	];
	return files;
}

/** One character of the payload's middle replaced by another of the same alphabet. */
function tamper(link: string): string {
	const at = Math.floor(link.length * 0.6);
	return link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
}

/** The header and rows with their columns in reverse order. */
function reorder(lines: string[]): string[] {
	return lines.map((l) => l.split(',').reverse().join(','));
}

/** A valid notebook of `bytes` bytes: one markdown cell of filler text and a SQL cell. */
function hugeNotebook(bytes: number): Uint8Array {
	const head = [...NOTEBOOK_HEAD, '# A very long notebook', ''].join('\n');
	const tail = '\n```sql name=top\nSELECT 1\n```\n';
	const line = 'All work and no play makes a long notebook. ';
	const filler = line.repeat(Math.ceil((bytes - head.length - tail.length) / line.length)).slice(0, bytes - head.length - tail.length);
	return ascii(head + filler + tail);
}
