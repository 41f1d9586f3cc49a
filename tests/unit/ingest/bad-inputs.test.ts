// Every file of the bad-input corpus (scripts/bad-inputs/corpus.ts), opened as a user opens it
// on the real DuckDB-WASM engine: the notice must say exactly what bad-input-notices.ts says.
// Each opening builds its own dataset in a database of its own, as the app does, so a refused
// or failed file never reaches an existing dataset; tests/e2e/datasets.spec.ts checks that in
// the browser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputs, FIXTURES_DIR, type BadInput } from '../../../scripts/bad-inputs/corpus';
import { EXPECTED_NOTICES } from '../../fixtures/bad-input-notices';
import { markdownTree, type MdNode } from '../../../src/lib/markdown/markdown-tree';
import { openDataAsUser, openLinkAsUser, openNotebookAsUser } from '../support/open-as-user';
import { readShareFragment, shareFragment } from '../../../src/lib/notebook/share-link';
import { customerIntelligenceNotebook } from '../../../src/lib/analyses/customer-intelligence';
import { WasmTestClient } from '../support/wasm-client';

let inputs: BadInput[];
beforeAll(async () => {
	inputs = await badInputs();
});

describe('the bad-input corpus', () => {
	it('has at least 30 files, each with the message it must get, written by the script and not edited since', () => {
		expect(inputs.length).toBeGreaterThanOrEqual(30);
		expect(inputs.map((i) => i.name).sort()).toEqual(Object.keys(EXPECTED_NOTICES).sort());
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

	for (const [name, expected] of Object.entries(EXPECTED_NOTICES).filter(([n]) => !n.endsWith('.md') && !n.endsWith('.link'))) {
		it(`${name}: "${expected.text.slice(0, 70)}…"${LOOKS[name] ? ', and its rows read as written' : ''}`, async () => {
			const input = inputs.find((i) => i.name === name)!;
			const seen: unknown[][][] = [];
			const outcome = await openDataAsUser(client, [new File([new Uint8Array(input.bytes)], input.name)], async (db) => {
				for (const [sql] of LOOKS[name] ?? []) seen.push((await db.query(sql)).rows);
			});
			expect(outcome.notice).toEqual({ kind: expected.kind, text: expected.text });
			expect(outcome.events).toBe(expected.events ?? null);
			expect(seen).toEqual((LOOKS[name] ?? []).map(([, rows]) => rows));
		});
	}
});

describe('opening each shared-notebook link', () => {
	for (const [name, expected] of Object.entries(EXPECTED_NOTICES).filter(([n]) => n.endsWith('.link'))) {
		it(`${name}: "${expected.text.slice(0, 70)}…"`, async () => {
			const input = inputs.find((i) => i.name === name)!;
			const { notice, doc } = await openLinkAsUser(new TextDecoder().decode(input.bytes));
			expect(notice).toBe(expected.text);
			expect(doc !== null).toBe(expected.kind === 'info');
		});
	}

	it('round-trips the default notebook through a link, byte for byte', async () => {
		const text = customerIntelligenceNotebook();
		const fragment = await shareFragment(text);
		expect(await readShareFragment(`#${fragment}`)).toEqual({ ok: true, text });
		// What a chat app or mail client does to a long link must not matter: no character needs escaping.
		expect(encodeURIComponent(fragment.slice(3))).toBe(fragment.slice(3));
	});
});

describe('opening each notebook file', () => {
	for (const [name, expected] of Object.entries(EXPECTED_NOTICES).filter(([n]) => n.endsWith('.md'))) {
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
