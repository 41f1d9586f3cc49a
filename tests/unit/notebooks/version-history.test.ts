import { describe, expect, it } from 'vitest';
import { blankNotebook, changeSummary, uniqueTitle, versionsToPrune, DEFAULT_HISTORY_POLICY, type VersionInfo } from '../../../src/lib/notebooks';
import { readNotebook } from '../../../src/lib/runtime';

const doc = (cells: string) => `---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: T\n---\n\n# Title\n\n${cells}`;
const sql = (name: string, body: string) => `\`\`\`sql name=${name}\n${body}\n\`\`\`\n\n`;

describe('changeSummary', () => {
	it('names the cells edited, added and removed, and prose changes', () => {
		const before = doc(sql('a', 'SELECT 1') + sql('b', 'SELECT 2') + sql('c', 'SELECT 3'));
		const after = doc(sql('a', 'SELECT 10') + sql('c', 'SELECT 3') + sql('d', 'SELECT 4')).replace('# Title', '# Other title');
		expect(changeSummary(before, after)).toBe('edited a · added d · removed b · text edited');
		expect(changeSummary(before, before)).toBe('no change');
		expect(changeSummary(null, before)).toBe('3 code cells');
	});

	it('does not take a fenced block inside a cell for a cell, and says when only the front matter changed', () => {
		const inner = '```sql name=a\nSELECT 1\n```\n\n````markdown name=m\n```sql name=fake\nx\n```\n````\n';
		expect(changeSummary(doc(inner), doc(inner.replace('SELECT 1', 'SELECT 2')))).toBe('edited a');
		expect(changeSummary(doc(inner), doc(inner.replace('x', 'y')))).toBe('text edited');
		expect(changeSummary(doc(''), doc('').replace('title: T', 'title: U'))).toBe('title or settings changed');
	});

	it('summarises many edited cells briefly', () => {
		const names = ['a', 'b', 'c', 'd', 'e'];
		const before = doc(names.map((n) => sql(n, 'SELECT 1')).join(''));
		const after = doc(names.map((n) => sql(n, 'SELECT 2')).join(''));
		expect(changeSummary(before, after)).toBe('edited a, b, c and 2 more');
	});
});

describe('versionsToPrune', () => {
	const v = (notebookId: string, seq: number, size: number, time = seq): VersionInfo => ({ notebookId, seq, created: time, time, edits: 1, size, summary: '' });

	it('drops the oldest versions past the count of each notebook', () => {
		const all = [1, 2, 3, 4, 5].map((s) => v('a', s, 10));
		expect(versionsToPrune(all, { ...DEFAULT_HISTORY_POLICY, versionsPerNotebook: 3 })).toEqual([
			{ notebookId: 'a', seq: 1 },
			{ notebookId: 'a', seq: 2 }
		]);
	});

	it('keeps every notebook\'s newest version even over the size budget', () => {
		const all = [v('a', 1, 100), v('b', 1, 100), v('b', 2, 100)];
		expect(versionsToPrune(all, { ...DEFAULT_HISTORY_POLICY, totalChars: 50 })).toEqual([{ notebookId: 'b', seq: 1 }]);
	});
});

describe('new notebooks', () => {
	it('a blank notebook is a readable notebook with its title', () => {
		const parsed = readNotebook(blankNotebook('Untitled notebook 2'));
		expect(parsed.title).toBe('Untitled notebook 2');
		expect(parsed.cells.map((c) => c.kind)).toEqual(['markdown']);
	});

	it('titles are made unique against the list, ignoring case', () => {
		expect(uniqueTitle('Untitled notebook', [])).toBe('Untitled notebook');
		expect(uniqueTitle('Untitled notebook', ['untitled notebook', 'Untitled notebook 2'])).toBe('Untitled notebook 3');
	});
});
