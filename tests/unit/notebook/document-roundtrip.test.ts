import { describe, expect, it } from 'vitest';
import { STARTER_NOTEBOOK } from '../../../src/lib/app/starter-notebook';
import { parseNotebook, serializeNotebook } from '../../../src/lib/notebook/document';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

const FRONT = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Starter notebook\n---\n';

const STARTER = `${FRONT}
# Revenue by day

Some **markdown** prose.

\`\`\`sql name=daily
SELECT CAST(event_time AS DATE) AS day, sum(price) AS revenue
FROM events WHERE event_type = 'purchase' GROUP BY ALL ORDER BY day
\`\`\`

\`\`\`chart name=daily_chart
{"data": "daily", "marks": [{"type": "lineY", "x": "day", "y": "revenue"}]}
\`\`\`
`;

const cellsOf = (text: string) => parseNotebook(text, { kinds: DEFAULT_KINDS }).cells.map(({ kind, name, source, attrs }) => ({ kind, name, source, attrs }));

describe('parseNotebook', () => {
	it('reads front matter, prose and fenced cells', () => {
		const doc = parseNotebook(STARTER, { kinds: DEFAULT_KINDS });
		expect(doc.version).toBe(1);
		expect(doc.title).toBe('Starter notebook');
		expect(doc.meta).toEqual({});
		expect(cellsOf(STARTER)).toEqual([
			{ kind: 'markdown', name: null, source: '# Revenue by day\n\nSome **markdown** prose.', attrs: {} },
			{
				kind: 'sql',
				name: 'daily',
				source: "SELECT CAST(event_time AS DATE) AS day, sum(price) AS revenue\nFROM events WHERE event_type = 'purchase' GROUP BY ALL ORDER BY day",
				attrs: {}
			},
			{ kind: 'chart', name: 'daily_chart', source: '{"data": "daily", "marks": [{"type": "lineY", "x": "day", "y": "revenue"}]}', attrs: {} }
		]);
	});

	it('gives every cell a distinct id', () => {
		const ids = parseNotebook(STARTER, { kinds: DEFAULT_KINDS }).cells.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('reads attributes: plain values, quoted values with escapes and bare flags', () => {
		const text = `${FRONT}\n\`\`\`sql name=daily title="Daily \\"sales\\" by day" collapsed height=300\nSELECT 1\n\`\`\`\n`;
		expect(cellsOf(text)[0]).toMatchObject({ name: 'daily', attrs: { title: 'Daily "sales" by day', collapsed: 'true', height: '300' } });
	});

	it('keeps code blocks of other languages in prose as markdown content', () => {
		const text = `${FRONT}\nIntro\n\n\`\`\`python\nprint("hi")\n\`\`\`\n\n\`\`\`\n\`\`\`sql name=not_a_cell\n\`\`\`\n\nMore prose\n\n\`\`\`sql name=real\nSELECT 1\n\`\`\`\n`;
		const cells = cellsOf(text);
		expect(cells.map((c) => c.kind)).toEqual(['markdown', 'sql']);
		expect(cells[0].source).toBe('Intro\n\n```python\nprint("hi")\n```\n\n```\n```sql name=not_a_cell\n```\n\nMore prose');
		expect(cells[1].name).toBe('real');
	});

	it('ends a cell only at a closing fence at least as long as its opening fence', () => {
		const text = `${FRONT}\n\`\`\`\`sql name=docs\nSELECT '\n\`\`\`\n' AS fence\n\`\`\`\`\n`;
		expect(cellsOf(text)[0].source).toBe("SELECT '\n```\n' AS fence");
	});

	it('splits prose into markdown cells at <!-- cell --> lines, which may carry attributes', () => {
		const text = `${FRONT}\nFirst\n\n<!-- cell -->\nSecond\n\n<!-- cell name=third collapsed -->\n\nThird\n`;
		expect(cellsOf(text)).toEqual([
			{ kind: 'markdown', name: null, source: 'First', attrs: {} },
			{ kind: 'markdown', name: null, source: 'Second', attrs: {} },
			{ kind: 'markdown', name: 'third', source: 'Third', attrs: { collapsed: 'true' } }
		]);
	});

	it('keeps blank lines inside a cell and reads an empty fence as an empty source', () => {
		const text = `${FRONT}\n\`\`\`sql name=a\n\nSELECT 1\n\n\n\`\`\`\n\n\`\`\`sql name=b\n\`\`\`\n`;
		expect(cellsOf(text).map((c) => c.source)).toEqual(['\nSELECT 1\n\n', '']);
	});

	it('keeps extra front-matter keys as meta and unquotes values', () => {
		const text = `---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: "Revenue: by day"\n# a comment\nauthor: 'Ann O''Neil'\ndataset: events\n---\n`;
		const doc = parseNotebook(text, { kinds: DEFAULT_KINDS });
		expect(doc.title).toBe('Revenue: by day');
		expect(doc.meta).toEqual({ author: "Ann O'Neil", dataset: 'events' });
		expect(doc.cells).toEqual([]);
	});

	it('reads CRLF files with sources free of carriage returns', () => {
		const text = STARTER.replace(/\n/g, '\r\n');
		expect(cellsOf(text)).toEqual(cellsOf(STARTER));
	});
});

describe('serializeNotebook after parseNotebook', () => {
	const documents: Record<string, string> = {
		'the starter example': STARTER,
		'CRLF line endings': STARTER.replace(/\n/g, '\r\n'),
		'no trailing newline': STARTER.slice(0, -1),
		'several trailing newlines': `${STARTER}\n\n\n`,
		'several blank lines between and around cells': `${FRONT}\n\n\n# Title\n\n\n\n\`\`\`sql name=a\nSELECT 1\n\`\`\`\n\`\`\`sql name=b\nFROM a\n\`\`\`\n\n\n\nTail prose\n\n`,
		'whitespace-only lines between cells': `${FRONT}  \n\t\n\`\`\`sql name=a\nSELECT 1\n\`\`\`\n   \n\`\`\`sql name=b\nFROM a\n\`\`\``,
		'a four-backtick fence holding three backticks': `${FRONT}\n\`\`\`\`sql name=a\nSELECT '\n\`\`\`\n'\n\`\`\`\`\`\n`,
		'prose with python blocks and a plain fence': `${FRONT}\nText\n\n\`\`\`python\nx = 1\n\`\`\`\n~~~\n\`\`\`sql name=hidden\n~~~\n\`\`\`sql name=a\nSELECT 1\n\`\`\`\n`,
		'extra front-matter keys, comments and quoting': `---\nnotebook:   customer-intelligence-notebook\n# kept as is\nversion: "1"\ntitle:    'Quoted: title'\nauthor: Ann\n\n---\n\n\`\`\`sql name=a\nSELECT 1\n\`\`\`\n`,
		'attribute quoting and spacing': `${FRONT}\n\`\`\`sql   name=a  title="Daily \\"sales\\""   collapsed  \nSELECT 1\n\`\`\`   \n`,
		'cell markers, dangling markers and marker attributes': `${FRONT}\n<!-- cell -->\n\n<!--cell-->\nOne\n<!-- cell name=two collapsed -->\n\nTwo\n\n<!-- cell -->\n\n\`\`\`sql name=a\nSELECT 1\n\`\`\`\n<!-- cell -->\n`,
		'only front matter': FRONT,
		'only front matter without a final newline': FRONT.slice(0, -1),
		'a byte order mark': `\uFEFF${STARTER}`,
		'mixed line endings': `${FRONT}\r\n\`\`\`sql name=a\r\nSELECT 1\n\`\`\`\n\r\nText\r\n`,
		'prose right after the front matter and fences with no gap': `${FRONT}# Title\n\`\`\`sql name=a\nSELECT 1\n\`\`\`\nText right after\n\`\`\`input name=n\n{"type": "number", "value": 3}\n\`\`\``
	};

	for (const [label, text] of Object.entries(documents)) {
		it(`writes back ${label} byte for byte`, () => {
			expect(serializeNotebook(parseNotebook(text, { kinds: DEFAULT_KINDS }))).toBe(text);
		});
	}

	it('writes back the Customer Intelligence notebook byte for byte', () => {
		expect(serializeNotebook(parseNotebook(STARTER_NOTEBOOK, { kinds: DEFAULT_KINDS }))).toBe(STARTER_NOTEBOOK);
	});
});
