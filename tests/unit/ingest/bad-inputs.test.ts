// Every file of the bad-input corpus (scripts/bad-inputs/corpus.ts), opened as a user opens it
// on the real DuckDB-WASM engine: the notice must say exactly this. Each opening builds its own
// dataset in its own engine, as the app does, so a refused or failed file never reaches an
// existing dataset; tests/e2e/datasets.spec.ts checks that in the browser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputs, FIXTURES_DIR, type BadInput } from '../../../scripts/bad-inputs/corpus';
import { markdownTree, type MdNode } from '../../../src/lib/markdown/markdown-tree';
import { openDataAsUser, openNotebookAsUser } from '../support/open-as-user';
import { WasmTestClient } from '../support/wasm-client';

const COLUMNS = 'event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_session';
const NOT_CSV = (name: string, line: string) =>
	`${name} does not look like a CSV event log: its first line has no comma, semicolon, tab or pipe separating columns ("${line}"). Choose the CSV export of the event log (columns ${COLUMNS}).`;
const ingested = (name: string, summary: string, ...notes: string[]) => [`${name}: ${summary.split(';')[0]} ingested in … s.`, `${name}: ${summary}.`, ...notes].join(' ');

/** What the page says on opening each file; `events`: the rows of the new dataset, if one is made. */
const EXPECTED: Record<string, { kind: 'error' | 'info'; text: string; events?: number }> = {
	'empty.csv': { kind: 'error', text: 'empty.csv is empty (0 bytes). Choose the exported data file itself, not a placeholder.' },
	'header-only.csv': { kind: 'error', text: 'header-only.csv has a header but no rows of data.' },
	'missing-column.csv': {
		kind: 'error',
		text: 'missing-column.csv is missing the column user_session. Its header has: event_time, event_type, product_id, category_id, category_code, brand, price, user_id. Export the file with the event log columns.'
	},
	'truncated-mid-row.csv': {
		kind: 'error',
		text: 'truncated-mid-row.csv is cut short: it ends in the middle of a row ("2019-10-01 00:00:09 UTC,view,446"), so rows after that point are missing. Nothing was added. Download or copy the file again; to use the rows before the cut, delete that last line and open the file again.'
	},
	'truncated-mid-quote.csv': {
		kind: 'error',
		text: 'truncated-mid-quote.csv is cut short: it ends in the middle of a row ("…:00:09 UTC,view,44600062,2103807459595387724,"appliances.env", inside a quoted value), so rows after that point are missing. Nothing was added. Download or copy the file again; to use the rows before the cut, delete that last line and open the file again.'
	},
	'semicolons.csv': { kind: 'info', events: 3, text: ingested('semicolons.csv', '3 events', 'semicolons.csv is separated by semicolons, not commas; it is read that way.') },
	'mixed-delimiters.csv': {
		kind: 'error',
		text: 'mixed-delimiters.csv: its header has 9 columns separated by commas, but its first row has 1 (it is separated by semicolons). Export the file again with one separator throughout, and the same columns in every row.'
	},
	'extra-columns.csv': {
		kind: 'info',
		events: 3,
		text: ingested('extra-columns.csv', '3 events', 'extra-columns.csv: columns store, channel are not part of the event log and are ignored.')
	},
	'reordered-columns.csv': { kind: 'info', events: 3, text: ingested('reordered-columns.csv', '3 events') },
	'crlf.csv': { kind: 'info', events: 3, text: ingested('crlf.csv', '3 events') },
	'bom.csv': { kind: 'info', events: 3, text: ingested('bom.csv', '3 events') },
	'latin1.csv': { kind: 'info', events: 3, text: ingested('latin1.csv', '3 events', 'latin1.csv is Latin-1 (ISO-8859-1) text, not UTF-8; it is read that way.') },
	'latin1-late.csv': { kind: 'info', events: 702, text: ingested('latin1-late.csv', '702 events; read as Latin-1 (ISO-8859-1): line 702 is not UTF-8') },
	'utf16.csv': { kind: 'info', events: 3, text: ingested('utf16.csv', '3 events', 'utf16.csv is UTF-16 text, not UTF-8; it is read that way.') },
	'mixed-timestamps.csv': {
		kind: 'info',
		events: 2,
		text: ingested(
			'mixed-timestamps.csv',
			`2 events; 1 malformed line skipped (e.g. line 3: Error when converting column "event_time". Could not convert string "01/10/2019 00:00:01" to 'TIMESTAMP'; every event_time must have the format of the first row)`
		)
	},
	'no-utc-suffix.csv': {
		kind: 'info',
		events: 3,
		text: ingested('no-utc-suffix.csv', '3 events', 'no-utc-suffix.csv: event_time has no time zone ("2019-10-01 00:00:00"); it is read as UTC, like the original files.')
	},
	'bad-price.csv': {
		kind: 'info',
		events: 2,
		text: ingested('bad-price.csv', `2 events; 1 malformed line skipped (e.g. line 3: Error when converting column "price". Could not convert string "N/A" to 'DOUBLE')`)
	},
	// Kept: the notebook's data quality checks count negative prices (a refund, or an error).
	'negative-price.csv': { kind: 'info', events: 3, text: ingested('negative-price.csv', '3 events') },
	'long-ids.csv': {
		kind: 'info',
		events: 2,
		text: ingested('long-ids.csv', `2 events; 1 malformed line skipped (e.g. line 3: Error when converting column "user_id". Could not convert string "54131214054131214054131" to 'BIGINT')`)
	},
	'duplicate-header.csv': {
		kind: 'error',
		text: 'duplicate-header.csv has the column price twice in its header (columns 7 and 10). Rename or remove one of them and open the file again.'
	},
	'unknown-event-type.csv': {
		kind: 'info',
		events: 2,
		text: ingested(
			'unknown-event-type.csv',
			'2 events; 1 invalid row (with an unknown event_type (expected view, cart, remove_from_cart or purchase)) kept aside in events_rejected'
		)
	},
	'long-line.csv': {
		kind: 'info',
		events: 2,
		text: ingested(
			'long-line.csv',
			'2 events; 1 malformed line skipped (e.g. line 3: Maximum line size of 2000000 bytes exceeded. Actual Size:3000141 bytes; a line that long is not an event: check how the file was exported)'
		)
	},
	'html-page.csv': { kind: 'error', text: NOT_CSV('html-page.csv', '<!DOCTYPE html>') },
	'binary.csv': { kind: 'error', text: 'binary.csv is not a text file (it looks binary). Choose the event log as CSV (.csv or .csv.gz) or Parquet.' },
	'notes.txt': { kind: 'error', text: NOT_CSV('notes.txt', 'Shopping list') },
	'hostile-values.csv': { kind: 'info', events: 3, text: ingested('hostile-values.csv', '3 events') },
	'truncated.csv.gz': {
		kind: 'error',
		text: 'truncated.csv.gz is cut short or damaged: its compressed data stops after 0.3 MB of text, so rows after that point are missing. Nothing was added. Download or copy the file again; to use the rows before the cut, decompress what is there (`gzip -dc truncated.csv.gz > truncated.csv` keeps it), delete the last, partial line and open the .csv.'
	},
	'not-gzip.csv.gz': {
		kind: 'error',
		text: 'not-gzip.csv.gz is not a readable gzip file (it does not start like one). If it is plain CSV, rename it to end in .csv; if it was cut short while downloading or copying, get it again.'
	},
	'wrong-schema.parquet': {
		kind: 'error',
		text: `wrong-schema.parquet: columns ${COLUMNS} are missing; the file has columns: order_id, amount. If the file names these columns otherwise, map them to its columns; otherwise export the file with the event log columns.`
	},
	'truncated.parquet': {
		kind: 'error',
		text: 'truncated.parquet is cut short: it stops before the end of its Parquet footer, so none of it can be read. Download or copy the file again.'
	},
	'not-parquet.parquet': {
		kind: 'error',
		text: "not-parquet.parquet is not a Parquet file: it does not start with Parquet's signature (PAR1) and looks like text. If it is a CSV file, give it a name ending in .csv and open it again."
	},
	'broken-fence.md': { kind: 'error', text: 'broken-fence.md is not a notebook this app can open: line 7: unclosed ```sql fence opened here; add a closing ``` line' },
	'unknown-kind.md': {
		kind: 'info',
		text: 'Opened unknown-kind.md. Line 7: a `python` cell is not a kind this app runs (it runs sql, chart, input, stats, model); it is kept as text in a markdown cell.'
	},
	'future-version.md': {
		kind: 'error',
		text: 'future-version.md is not a notebook this app can open: line 3: notebook version 7 is not supported: this app reads version 1 only; open the file with a newer version of the app'
	},
	'plain-readme.md': {
		kind: 'error',
		text: 'plain-readme.md is not a notebook this app can open: line 1: not a Customer Intelligence notebook: it has no `notebook: customer-intelligence-notebook` front matter and no cell; add a cell (a fenced block such as ```sql, ```chart, ```input) or the front matter'
	},
	'hostile-markdown.md': { kind: 'info', text: 'Opened hostile-markdown.md.' },
	'huge-notebook.md': {
		kind: 'error',
		text: 'huge-notebook.md is 52.4 MB; a notebook this app opens is at most 5 MB of SQL and prose. If the file embeds data, open the data with "Open data…" and keep the notebook to its queries.'
	}
};

let inputs: BadInput[];
beforeAll(async () => {
	inputs = await badInputs();
});

describe('the bad-input corpus', () => {
	it('has at least 30 files, each with the message it must get, written by the script and not edited since', () => {
		expect(inputs.length).toBeGreaterThanOrEqual(30);
		expect(inputs.map((i) => i.name).sort()).toEqual(Object.keys(EXPECTED).sort());
		for (const input of inputs.filter((i) => !i.large)) {
			const file = path.join(FIXTURES_DIR, input.name);
			expect(existsSync(file), `${file}: run npm run bad-inputs`).toBe(true);
			expect(Buffer.compare(readFileSync(file), Buffer.from(input.bytes)), `${file} differs from what npm run bad-inputs writes`).toBe(0);
		}
	});
});

/** What the new dataset holds, for files whose rows must be read as written. */
const LOOKS: Record<string, [sql: string, rows: unknown[][]][]> = {
	'latin1.csv': [[`SELECT DISTINCT brand FROM events WHERE brand LIKE '%é%' ORDER BY 1`, [['légo'], ['nestlé']]]],
	'latin1-late.csv': [[`SELECT brand FROM events WHERE brand LIKE 'cr%'`, [['crème']]]],
	'utf16.csv': [[`SELECT count(DISTINCT brand), min(event_time)::VARCHAR FROM events`, [[1, '2019-10-01 00:00:00']]]],
	'hostile-values.csv': [[`SELECT brand FROM events WHERE brand LIKE '<%' ORDER BY 1`, [['<img src=x onerror=alert(1)>'], ['<script>alert(2)</script>']]]],
	'reordered-columns.csv': [[`SELECT event_time::VARCHAR, event_type, product_id, brand, price::VARCHAR, user_id FROM events ORDER BY event_time LIMIT 1`, [['2019-10-01 00:00:00', 'view', 44600062, null, '35.00', 541312140]]]],
	'negative-price.csv': [[`SELECT price FROM events WHERE price < 0`, [[-35.79]]]],
	'unknown-event-type.csv': [[`SELECT event_type, reason FROM events_rejected`, [['teleport', 'with an unknown event_type (expected view, cart, remove_from_cart or purchase)']]]]
};

describe('opening each data file', () => {
	let client: WasmTestClient;
	beforeAll(async () => {
		client = await WasmTestClient.open();
	});
	afterAll(() => client.close());

	for (const [name, expected] of Object.entries(EXPECTED).filter(([n]) => !n.endsWith('.md'))) {
		it(`${name}: "${expected.text.slice(0, 70)}…"${LOOKS[name] ? ', and its rows read as written' : ''}`, async () => {
			const input = inputs.find((i) => i.name === name)!;
			const seen: unknown[][][] = [];
			const outcome = await openDataAsUser(client, [new File([input.bytes], input.name)], async (db) => {
				for (const [sql] of LOOKS[name] ?? []) seen.push((await db.query(sql)).rows);
			});
			expect(outcome.notice).toEqual({ kind: expected.kind, text: expected.text });
			expect(outcome.events).toBe(expected.events ?? null);
			expect(seen).toEqual((LOOKS[name] ?? []).map(([, rows]) => rows));
		});
	}
});

describe('opening each notebook file', () => {
	for (const [name, expected] of Object.entries(EXPECTED).filter(([n]) => n.endsWith('.md'))) {
		it(`${name}: "${expected.text.slice(0, 70)}…"`, () => {
			const input = inputs.find((i) => i.name === name)!;
			const { notice, doc } = openNotebookAsUser(new TextDecoder().decode(input.bytes), name);
			expect(notice).toBe(expected.text);
			expect(doc !== null).toBe(expected.kind === 'info');
		});
	}

	it('turns markup in markdown into text: no script, image or javascript: link is made', () => {
		const input = inputs.find((i) => i.name === 'hostile-markdown.md')!;
		const { doc } = openNotebookAsUser(new TextDecoder().decode(input.bytes), input.name);
		const tags: string[] = [];
		const hrefs: string[] = [];
		const walk = (nodes: MdNode[]) => {
			for (const n of nodes) {
				if (typeof n === 'string' || !('tag' in n)) continue;
				tags.push(n.tag);
				if (n.attrs?.href) hrefs.push(n.attrs.href);
				walk(n.children ?? []);
			}
		};
		const prose = doc!.cells.filter((c) => c.kind === 'markdown');
		for (const cell of prose) walk(markdownTree(cell.source));
		const text = prose.map((c) => c.source).join('\n');
		expect(text).toContain('<script>alert(1)</script>');
		expect(tags.filter((t) => ['script', 'img', 'iframe'].includes(t))).toEqual([]);
		expect(hrefs.filter((h) => /^javascript:/i.test(h))).toEqual([]);
	});
});
