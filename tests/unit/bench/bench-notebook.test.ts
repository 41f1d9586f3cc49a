import { describe, expect, it } from 'vitest';
import { alternativeValue } from '../../../scripts/bench/alternative-value';
import { benchNotebook } from '../../../scripts/bench/bench-notebook';

const NOTEBOOK = `---
notebook: customer-intelligence-notebook
version: 1
title: Bench test
---

# Test

\`\`\`input name=top_n
{ "type": "number", "value": 5, "min": 1, "max": 5 }
\`\`\`

\`\`\`sql name=top
SELECT * FROM base ORDER BY n DESC LIMIT $top_n
\`\`\`

\`\`\`sql name=base
SELECT 1 AS n;
\`\`\`

\`\`\`sql
SELECT count(*) FROM top
\`\`\`

\`\`\`chart name=top_chart
{ "data": "top", "marks": [{ "type": "barX", "x": "n" }] }
\`\`\`
`;

describe('benchNotebook', () => {
	const nb = benchNotebook(NOTEBOOK);

	it('lists the SQL cells in the order the scheduler runs them, with the cells the runner gets', () => {
		expect(nb.queries.map((q) => q.key)).toEqual(['base', 'top', 'cell 5']);
		expect(nb.queries.map((q) => q.cell.source.trim())).toEqual(['SELECT 1 AS n;', 'SELECT * FROM base ORDER BY n DESC LIMIT $top_n', 'SELECT count(*) FROM top']);
	});

	it('gives each input another value and the SQL cells it re-runs', () => {
		expect(nb.inputs).toEqual([{ name: 'top_n', value: 5, alternative: 4, dependants: ['top', 'cell 5'] }]);
	});

	it('keys the cells the page reports (all but markdown) in document order', () => {
		expect(nb.reportKeys).toEqual(['top_n', 'top', 'base', 'cell 5', 'top_chart']);
		expect(nb.reportKinds).toEqual(['input', 'sql', 'sql', 'sql', 'chart']);
	});

	it('keeps a cell whose variable is undefined: running it reports the error, as in the page', () => {
		const broken = benchNotebook(NOTEBOOK.replace('$top_n', '$missing'));
		expect(broken.queries.map((q) => q.key)).toEqual(['base', 'top', 'cell 5']);
	});
});

describe('alternativeValue', () => {
	it('steps a number up, or down at its maximum, and keeps it exact', () => {
		expect(alternativeValue({ type: 'number', value: 2 })).toBe(3);
		expect(alternativeValue({ type: 'number', value: 5, max: 5 })).toBe(4);
		expect(alternativeValue({ type: 'range', value: 0.1, min: 0, max: 1, step: 0.2 })).toBe(0.3);
		expect(alternativeValue({ type: 'number', value: 1, min: 1, max: 1 })).toBe(1);
	});

	it('picks the next option of a select and keeps text as is', () => {
		expect(alternativeValue({ type: 'select', value: 'b', options: ['a', 'b', 'c'] })).toBe('c');
		expect(alternativeValue({ type: 'select', value: 'c', options: ['a', 'b', 'c'] })).toBe('a');
		expect(alternativeValue({ type: 'text', value: 'x' })).toBe('x');
	});
});
