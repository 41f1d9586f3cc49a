import { describe, expect, it } from 'vitest';
import { createNotebook, parseNotebook, serializeNotebook, withCells } from '../../../src/lib/notebook/document';
import type { CellData } from '../../../src/lib/notebook/cell';
import { hasFlag } from '../../../src/lib/notebook/cell-flags';
import { cellOf } from './helpers';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

const FRONT = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Edits\n---\n';
const bare = (cells: CellData[]) => cells.map(({ kind, name, source, attrs }) => ({ kind, name, source, attrs }));
/** Serialises, reads back and checks nothing was lost; returns the text. */
const write = (doc: ReturnType<typeof parseNotebook>) => {
	const text = serializeNotebook(doc);
	expect(bare(parseNotebook(text, { kinds: DEFAULT_KINDS }).cells)).toEqual(bare(doc.cells.filter((c) => c.kind !== 'markdown' || c.source.trim() !== '')));
	return text;
};

describe('createNotebook', () => {
	it('writes the canonical form: front matter, one blank line between cells, a final newline', () => {
		const doc = createNotebook('New notebook', [
			{ kind: 'markdown', name: null, source: '# Hello', attrs: {} },
			{ kind: 'sql', name: 'daily', source: 'SELECT 1', attrs: { collapsed: 'true' } },
			{ kind: 'markdown', name: null, source: 'Between', attrs: {} },
			{ kind: 'markdown', name: 'notes', source: 'More', attrs: {} },
			{ kind: 'chart', name: null, source: '{"data": "daily", "marks": [{"type": "dot", "x": "a"}]}', attrs: { title: 'A "chart"' } }
		]);
		expect(write(doc)).toBe(
			'---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: New notebook\n---\n\n' +
				'# Hello\n\n```sql name=daily collapsed\nSELECT 1\n```\n\nBetween\n\n<!-- cell name=notes -->\nMore\n\n' +
				'```chart title="A \\"chart\\""\n{"data": "daily", "marks": [{"type": "dot", "x": "a"}]}\n```\n'
		);
	});

	it('quotes a title that YAML would misread', () => {
		expect(serializeNotebook(createNotebook('Revenue: Q3 #1', []))).toContain('title: "Revenue: Q3 #1"\n');
	});
});

describe('serializeNotebook after edits', () => {
	const text = `${FRONT}\n\n# Title\n\n\n\`\`\`sql   name=a  collapsed\nSELECT 1\n\`\`\`\n\n\n\`\`\`sql name=b\nFROM a\n\`\`\``;

	it('rewrites only the edited cell, keeping its fence line and every other byte', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const cells = doc.cells.map((c) => (c.name === 'a' ? { ...c, source: 'SELECT 2\nUNION ALL SELECT 3' } : c));
		expect(write(withCells(doc, cells))).toBe(text.replace('SELECT 1', 'SELECT 2\nUNION ALL SELECT 3'));
	});

	it('writes a changed fence line in canonical form when attributes change', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const cells = doc.cells.map((c) => (c.name === 'a' ? { ...c, attrs: {} } : c));
		expect(write(withCells(doc, cells))).toBe(text.replace('```sql   name=a  collapsed', '```sql name=a'));
	});

	it('writes a hide-code flag in the fence, reads it back, and restores the original text byte for byte when cleared', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const hidden = withCells(doc, doc.cells.map((c) => (c.name === 'b' ? { ...c, attrs: { ...c.attrs, 'hide-code': 'true' } } : c)));
		const out = write(hidden);
		expect(out).toBe(text.replace('```sql name=b', '```sql name=b hide-code'));
		const reread = parseNotebook(out, { kinds: DEFAULT_KINDS });
		const b = reread.cells.find((c) => c.name === 'b')!;
		expect(hasFlag(b, 'hide-code')).toBe(true);
		expect(hasFlag(reread.cells.find((c) => c.name === 'a')!, 'hide-code')).toBe(false);
		const shown = withCells(reread, reread.cells.map((c) => (c.name === 'b' ? { ...c, attrs: {} } : c)));
		expect(write(shown)).toBe(text);
	});

	it('lengthens the fence when the new source holds a backtick run', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const cells = doc.cells.map((c) => (c.name === 'b' ? { ...c, source: "SELECT '\n````\n'" } : c));
		expect(write(withCells(doc, cells))).toBe(text.replace('```sql name=b\nFROM a\n```', "`````sql name=b\nSELECT '\n````\n'\n`````"));
	});

	it('adds a new cell after a blank line and ends the file with a newline', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const added = cellOf('sql', 'c', 'FROM b');
		expect(write(withCells(doc, [...doc.cells, added]))).toBe(`${text}\n\n\`\`\`sql name=c\nFROM b\n\`\`\`\n`);
	});

	it('keeps the original gaps around cells that stay neighbours when one is removed', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		expect(write(withCells(doc, doc.cells.filter((c) => c.name !== 'a')))).toBe(`${FRONT}\n\n# Title\n\n\`\`\`sql name=b\nFROM a\n\`\`\``);
	});

	it('writes reordered cells with one blank line between them', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const [title, a, b] = doc.cells;
		expect(write(withCells(doc, [b, a, title]))).toBe(
			`${FRONT}\n\`\`\`sql name=b\nFROM a\n\`\`\`\n\n\`\`\`sql   name=a  collapsed\nSELECT 1\n\`\`\`\n\n# Title\n`
		);
	});

	it('separates markdown cells that become neighbours with a <!-- cell --> line', () => {
		const doc = parseNotebook(`${FRONT}\nFirst\n\n\`\`\`sql name=a\nSELECT 1\n\`\`\`\n\nSecond\n`, { kinds: DEFAULT_KINDS });
		const out = write(withCells(doc, doc.cells.filter((c) => c.kind === 'markdown')));
		expect(out).toBe(`${FRONT}\nFirst\n\n<!-- cell -->\nSecond\n`);
	});

	it('writes new cells with the line endings of a CRLF file', () => {
		const doc = parseNotebook(text.replace(/\n/g, '\r\n'), { kinds: DEFAULT_KINDS });
		const out = write(withCells(doc, [...doc.cells, cellOf('sql', 'c', 'SELECT 1\nSELECT 2')]));
		expect(out.endsWith('\r\n\r\n```sql name=c\r\nSELECT 1\r\nSELECT 2\r\n```\r\n')).toBe(true);
		expect(out.replace(/\r\n/g, '')).not.toContain('\n');
	});

	it('closes a code block left open in a markdown cell so it cannot swallow later cells', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const cells = doc.cells.map((c) => (c.kind === 'markdown' ? { ...c, source: 'Example:\n```python\nprint(1)' } : c));
		const out = serializeNotebook(withCells(doc, cells));
		const reread = parseNotebook(out, { kinds: DEFAULT_KINDS }).cells;
		expect(reread.map((c) => c.kind)).toEqual(['markdown', 'sql', 'sql']);
		expect(reread[0].source).toBe('Example:\n```python\nprint(1)\n```');
	});

	it('leaves out empty markdown cells', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const cells = doc.cells.map((c) => (c.kind === 'markdown' ? { ...c, source: '  \n' } : c));
		expect(serializeNotebook(withCells(doc, cells))).toBe(`${FRONT}\n\`\`\`sql   name=a  collapsed\nSELECT 1\n\`\`\`\n\n\n\`\`\`sql name=b\nFROM a\n\`\`\``);
	});

	it('rewrites only the front-matter lines whose values changed', () => {
		const original = `---\nnotebook: customer-intelligence-notebook\n# comment\nversion: 1\ntitle:   Old\nauthor: Ann\nteam: growth\n---\n`;
		const doc = parseNotebook(original, { kinds: DEFAULT_KINDS });
		const edited = { ...doc, title: 'New: title', meta: { author: 'Ann', owner: 'Bo' } };
		expect(serializeNotebook(edited)).toBe(
			`---\nnotebook: customer-intelligence-notebook\n# comment\nversion: 1\ntitle: "New: title"\nauthor: Ann\nowner: Bo\n---\n`
		);
		expect(parseNotebook(serializeNotebook(edited), { kinds: DEFAULT_KINDS })).toMatchObject({ title: 'New: title', meta: { author: 'Ann', owner: 'Bo' } });
	});

	it('keeps layout only for cells whose ids survive', () => {
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		const copies = doc.cells.map((c) => ({ ...c, id: cellOf('sql', null, '').id }));
		expect(write(withCells(doc, copies))).toBe(
			`${FRONT}\n# Title\n\n\`\`\`sql name=a collapsed\nSELECT 1\n\`\`\`\n\n\`\`\`sql name=b\nFROM a\n\`\`\`\n`
		);
	});
});
