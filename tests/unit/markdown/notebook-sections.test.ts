import { describe, expect, it } from 'vitest';
import { notebookSections } from '../../../src/lib/markdown/notebook-sections';
import type { CellData, CellId, CellKind } from '../../../src/lib/notebook';
import { customerIntelligenceNotebook } from '../../../src/lib/analyses/customer-intelligence';
import { readNotebook } from '../../../src/lib/runtime/read-notebook';

let next = 0;
const cell = (kind: CellKind, source: string, name: string | null = null): CellData => ({ id: `c${next++}` as CellId, kind, name, source, attrs: {} });

describe('notebookSections', () => {
	it('gives each ## heading the cells up to the next heading of its level, and # the cells up to the next #', () => {
		const cells = [
			cell('markdown', '# Report\n\nIntro.'),
			cell('sql', 'SELECT 1', 'a'),
			cell('markdown', '## Sales'),
			cell('sql', 'SELECT 2', 'b'),
			cell('chart', '{}', 'b_chart'),
			cell('markdown', 'Prose without a heading.'),
			cell('markdown', '## Churn'),
			cell('sql', 'SELECT 3', 'c'),
			cell('markdown', '# Appendix'),
			cell('sql', 'SELECT 4', 'd')
		];
		const sections = notebookSections(cells);
		const ids = (from: number, to: number) => cells.slice(from, to).map((c) => c.id);
		expect(sections.map((s) => [s.id, s.level])).toEqual([
			['report', 1],
			['sales', 2],
			['churn', 2],
			['appendix', 1]
		]);
		expect(sections[0].cells).toEqual(ids(0, 8));
		expect(sections[1].cells).toEqual(ids(2, 6));
		expect(sections[2].cells).toEqual(ids(6, 8));
		expect(sections[3].cells).toEqual(ids(8, 10));
	});

	it('gives a heading followed by another in the same markdown cell that cell alone', () => {
		const cells = [cell('markdown', '## One\n\ntext\n\n## Two'), cell('sql', 'SELECT 1', 'x'), cell('markdown', '### Not a section\n\n## Three'), cell('sql', 'SELECT 2', 'y')];
		const sections = notebookSections(cells);
		expect(sections.map((s) => s.text)).toEqual(['One', 'Two', 'Three']);
		expect(sections[0].cells).toEqual([cells[0].id]);
		expect(sections[1].cells).toEqual([cells[0].id, cells[1].id]);
		expect(sections[2].cells).toEqual([cells[2].id, cells[3].id]);
	});

	it('reads headings from markdown cells only, as text (a heading in SQL or markup in a heading is not one)', () => {
		const cells = [cell('sql', '-- ## not a heading\nSELECT 1', 'q'), cell('markdown', '## <img src=x onerror=alert(1)> Risk')];
		const sections = notebookSections(cells);
		expect(sections).toHaveLength(1);
		expect(sections[0].text).toBe('<img src=x onerror=alert(1)> Risk');
		expect(sections[0].cells).toEqual([cells[1].id]);
	});

	it('splits the default notebook into its numbered sections, every computed cell in exactly one ## section', () => {
		const { cells } = readNotebook(customerIntelligenceNotebook());
		const sections = notebookSections(cells).filter((s) => s.level === 2);
		expect(sections.map((s) => s.text)).toContain('9. Propensity model');
		const computed = cells.filter((c) => c.kind !== 'markdown').map((c) => c.id);
		const placed = sections.flatMap((s) => s.cells).filter((id) => computed.includes(id));
		expect(placed.sort()).toEqual([...computed].sort());
		const model = sections.find((s) => s.text === '9. Propensity model')!;
		expect(model.cells.map((id) => cells.find((c) => c.id === id)!.name)).toContain('propensity');
	});
});
