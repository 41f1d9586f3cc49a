import { describe, expect, it } from 'vitest';
import { NotebookFormatError, parseNotebook, parseNotebookSafe, serializeNotebook } from '../../../src/lib/notebook/document';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

const FRONT = '---\nnotebook: customer-intelligence-notebook\nversion: 1\n---\n';

function formatError(text: string): NotebookFormatError {
	const result = parseNotebookSafe(text, { kinds: DEFAULT_KINDS });
	if (result.ok) throw new Error('expected a NotebookFormatError');
	return result.error;
}

describe('NotebookFormatError', () => {
	it('carries the 1-based line and a message that starts with it', () => {
		const error = formatError(`${FRONT}\n\`\`\`sql name=a\nSELECT 1\n`);
		expect(error).toBeInstanceOf(NotebookFormatError);
		expect(error).toBeInstanceOf(Error);
		expect(error.line).toBe(6);
		expect(error.message).toBe('line 6: unclosed ```sql fence opened here; add a closing ``` line');
		expect(String(error)).toBe(error.message);
	});

	it('is thrown by parseNotebook', () => {
		expect(() => parseNotebook('# not a notebook', { kinds: DEFAULT_KINDS })).toThrow(NotebookFormatError);
	});

	it('is returned, not thrown, by parseNotebookSafe', () => {
		expect(parseNotebookSafe(FRONT, { kinds: DEFAULT_KINDS })).toMatchObject({ ok: true, doc: { cells: [] } });
		expect(parseNotebookSafe('plain text', { kinds: DEFAULT_KINDS })).toMatchObject({ ok: false });
	});
});

describe('parseNotebook validation', () => {
	const cases: [string, string, number, string][] = [
		[
			'a file without front matter and without a cell',
			'# Notes\n\nSome text.\n```python\nx = 1\n```\n',
			1,
			'not a Customer Intelligence notebook: it has no `notebook: customer-intelligence-notebook` front matter and no cell; add a cell (a fenced block such as ```sql, ```chart, ```input) or the front matter'
		],
		['front matter that is never closed', '---\nnotebook: customer-intelligence-notebook\nversion: 1\n', 1, 'the front matter opened here is never closed; add a `---` line after its last key'],
		[
			'front matter without the magic line and no cell',
			'---\nversion: 1\n---\n',
			1,
			'not a Customer Intelligence notebook: it has no `notebook: customer-intelligence-notebook` front matter and no cell; add a cell (a fenced block such as ```sql, ```chart, ```input) or the front matter'
		],
		[
			'front matter of another kind of notebook',
			'---\ntitle: x\nnotebook: observable\nversion: 1\n---\n',
			3,
			'not a Customer Intelligence notebook: `notebook: observable` should be `notebook: customer-intelligence-notebook`'
		],
		['front matter without a version', '---\nnotebook: customer-intelligence-notebook\n---\n', 1, 'the front matter has no `version`; add `version: 1`'],
		[
			'an unknown version',
			'---\nnotebook: customer-intelligence-notebook\nversion: 2\n---\n',
			3,
			'notebook version 2 is not supported: this app reads version 1 only; open the file with a newer version of the app'
		],
		['a front-matter line that is not key: value', '---\nnotebook: customer-intelligence-notebook\n- item\nversion: 1\n---\n', 3, 'cannot read front matter line `- item`; write `key: value`'],
		['an unclosed cell fence', `${FRONT}\n\`\`\`\`chart name=c\n{}\n\`\`\`\n`, 6, 'unclosed ````chart fence opened here; add a closing ```` line'],
		[
			'an unclosed code block in prose',
			`${FRONT}\nText\n\`\`\`python\nx = 1\n\n\`\`\`sql name=a\nSELECT 1\n`,
			7,
			'unclosed ```python fence opened here; add a closing ``` line'
		],
		[
			'an invalid cell name',
			`${FRONT}\n\`\`\`sql name=2nd-table\nSELECT 1\n\`\`\`\n`,
			6,
			'invalid cell name `2nd-table`; use a letter or underscore followed by letters, digits or underscores (at most 63 characters), e.g. name=daily_sales'
		],
		['a cell name that is too long', `${FRONT}\n\`\`\`sql name=${'x'.repeat(64)}\nSELECT 1\n\`\`\`\n`, 6, `invalid cell name \`${'x'.repeat(64)}\`; use a letter or underscore followed by letters, digits or underscores (at most 63 characters), e.g. name=daily_sales`],
		['a reserved word as a cell name', `${FRONT}\n\`\`\`sql name=Select\nSELECT 1\n\`\`\`\n`, 6, 'cell name `Select` is a reserved SQL word; choose another name, e.g. name=Select_result'],
		[
			'a duplicate cell name, reported on the second',
			`${FRONT}\n\`\`\`sql name=daily\nSELECT 1\n\`\`\`\n\n\`\`\`input name=Daily\n{"type": "text", "value": "x"}\n\`\`\`\n`,
			10,
			'duplicate cell name `Daily`: also defined on line 6; rename one of them'
		],
		[
			'a chart whose JSON does not parse, at the line of the mistake',
			`${FRONT}\n\`\`\`chart name=c\n{\n  "data": "daily",\n  "marks": [}\n}\n\`\`\`\n`,
			9,
			''
		],
		[
			'a chart with an unknown mark option',
			`${FRONT}\n\`\`\`chart name=c\n{"data": "daily", "marks": [{"type": "dot", "x": "a", "onclick": "alert(1)"}]}\n\`\`\`\n`,
			6,
			''
		],
		['an input whose JSON does not parse', `${FRONT}\n\`\`\`input name=n\n{"type": "number",\n\`\`\`\n`, 7, ''],
		[
			'an input with an invalid spec',
			`${FRONT}\n\`\`\`input name=n\n{"type": "slider", "value": 1}\n\`\`\`\n`,
			6,
			'input cell `n`: invalid input type "slider" (allowed: number, select, text, search, range)'
		],
		[
			'unreadable fence attributes',
			`${FRONT}\n\`\`\`sql name=a title="unterminated\nSELECT 1\n\`\`\`\n`,
			6,
			'cannot read attribute `title="unterminated`; write key=value, key="value with spaces" or a bare flag like collapsed'
		],
		['an attribute given twice', `${FRONT}\n\`\`\`sql name=a name=b\nSELECT 1\n\`\`\`\n`, 6, 'attribute `name` is given twice; keep one'],
		[
			'a bad attribute on a cell marker',
			`${FRONT}\n<!-- cell name=1x -->\nText\n`,
			6,
			'invalid cell name `1x`; use a letter or underscore followed by letters, digits or underscores (at most 63 characters), e.g. name=daily_sales'
		]
	];

	for (const [label, text, line, problem] of cases) {
		it(`rejects ${label} on line ${line}`, () => {
			const error = formatError(text);
			expect(error.line).toBe(line);
			if (problem !== '') expect(error.message).toBe(`line ${line}: ${problem}`);
		});
	}

	it('names the chart, the JSON problem and the fix for invalid chart JSON', () => {
		const error = formatError(`${FRONT}\n\`\`\`chart name=c\n{"data": "daily",}\n\`\`\`\n`);
		expect(error.message).toMatch(/^line 7: chart cell `c`: not valid JSON \(.+\); write its spec as a JSON object, e\.g\. \{"data": "daily", "marks": \[/);
	});

	it('names the option, the mark and the allowed options for an invalid chart spec', () => {
		const error = formatError(`${FRONT}\n\`\`\`chart name=c\n{"data": "daily", "marks": [{"type": "dot", "onclick": "x"}]}\n\`\`\`\n`);
		expect(error.message).toMatch(/^line 6: chart cell `c`: invalid mark option "onclick" in marks\[0\] \(allowed: type, x, y, /);
	});

	it('reports an empty chart cell', () => {
		expect(formatError(`${FRONT}\n\`\`\`chart\n\`\`\`\n`).message).toMatch(/^line 7: chart cell: not valid JSON/);
	});

	it('allows the same label on chart cells and on a chart and a sql cell', () => {
		const text = `${FRONT}\n\`\`\`sql name=x\nSELECT 1\n\`\`\`\n\n\`\`\`chart name=x\n{"data": "x", "marks": [{"type": "dot"}]}\n\`\`\`\n`;
		expect(parseNotebook(text, { kinds: DEFAULT_KINDS }).cells).toHaveLength(2);
	});

	it('reports the first problem in document order', () => {
		const text = `${FRONT}\n\`\`\`sql name=select\nSELECT 1\n\`\`\`\n\n\`\`\`sql name=a\nSELECT 1\n`;
		expect(formatError(text).line).toBe(6);
	});
});

describe('lenient parsing (the autosave path)', () => {
	const halfTyped = [
		'---',
		'notebook: customer-intelligence-notebook',
		'version: 1',
		'---',
		'',
		'```sql name=daily',
		'SELECT 1',
		'```',
		'',
		'```chart name=c',
		'{"data": "daily", "marks": [',
		'```',
		'',
		'```sql name=daily',
		'SELECT 2',
		'```',
		''
	].join('\n');

	it('strict mode rejects a half-typed chart spec', () => {
		expect(() => parseNotebook(halfTyped, { kinds: DEFAULT_KINDS })).toThrow(NotebookFormatError);
	});

	it('lenient mode keeps cells with invalid specs and duplicate names, byte for byte', () => {
		const doc = parseNotebook(halfTyped, { kinds: DEFAULT_KINDS, mode: 'lenient' });
		expect(doc.cells.map((c) => c.source)).toEqual(['SELECT 1', '{"data": "daily", "marks": [', 'SELECT 2']);
		expect(serializeNotebook(doc)).toBe(halfTyped);
	});
});

describe('plain Markdown notebooks (no front matter, as Observable Framework and Evidence write them)', () => {
	const plain = '# Daily sales\n\nRevenue per day.\n\n```sql name=daily\nSELECT 1 AS revenue\n```\n\n```chart\n{"data": "daily", "marks": [{"type": "dot", "y": "revenue"}]}\n```\n';

	it('reads their cells, with the first heading as the title', () => {
		const doc = parseNotebook(plain, { kinds: DEFAULT_KINDS });
		expect(doc.title).toBe('Daily sales');
		expect(doc.cells.map((c) => [c.kind, c.name])).toEqual([
			['markdown', null],
			['sql', 'daily'],
			['chart', null]
		]);
	});

	it('reads front matter of other tools (a title, no notebook key) and keeps its keys', () => {
		const doc = parseNotebook(`---\ntitle: Sales\ntheme: dashboard\n---\n\n${plain}`, { kinds: DEFAULT_KINDS });
		expect(doc.title).toBe('Sales');
		expect(doc.meta).toEqual({ theme: 'dashboard' });
	});

	it('are written back with this app\'s front matter, the rest of the text unchanged', () => {
		const text = serializeNotebook(parseNotebook(plain, { kinds: DEFAULT_KINDS }));
		expect(text).toBe(`---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Daily sales\n---\n\n${plain}`);
		const again = parseNotebook(text, { kinds: DEFAULT_KINDS });
		expect(serializeNotebook(again)).toBe(text);
	});

	it('gain the notebook key before the other tool\'s keys', () => {
		const text = serializeNotebook(parseNotebook(`---\ntitle: Sales\n---\n\n${plain}`, { kinds: DEFAULT_KINDS }));
		expect(text.startsWith('---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Sales\n---\n\n# Daily sales')).toBe(true);
	});

	it("ignore another tool's version key and write their own", () => {
		const doc = parseNotebook(`---\ntitle: Sales\nversion: 7\n---\n\n${plain}`, { kinds: DEFAULT_KINDS });
		expect(serializeNotebook(doc).startsWith('---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Sales\n---\n')).toBe(true);
	});

	it('treat a fence of an unknown kind as prose code', () => {
		const doc = parseNotebook('```python\nprint(1)\n```\n\n```sql name=a\nSELECT 1\n```\n', { kinds: DEFAULT_KINDS });
		expect(doc.cells.map((c) => c.kind)).toEqual(['markdown', 'sql']);
	});
});
