import { describe, expect, it } from 'vitest';
import { idleState, type CellData, type CellId } from '../../../src/lib/notebook';
import { inlineValue } from '../../../src/lib/runtime/inline-value';
import type { CellState } from '../../../src/lib/runtime';

const cell = (id: string, name: string): CellData => ({ id: id as unknown as CellId, kind: 'sql', name, source: 'SELECT 1', attrs: {} }) as CellData;
const cells = [cell('c1', 'Totals'), cell('c2', 'other')];
const table = (rows: unknown[][]): CellState => ({
	...idleState(),
	status: 'done',
	output: {
		kind: 'table', schema: 'nb', table: 'totals', cached: false, rowCount: rows.length, preview: rows as never,
		columns: [{ name: 'revenue', type: 'DOUBLE', kind: 'number' }, { name: 'user_id', type: 'INTEGER', kind: 'number' }]
	}
});
const at = (states: Record<string, CellState>) => (id: CellId) => states[id as unknown as string] ?? idleState();

describe('inlineValue', () => {
	it('shows the first row’s value of a done cell, formatted as its table shows it', () => {
		const v = inlineValue({ cell: 'totals', column: 'REVENUE' }, cells, at({ c1: table([[1234567.891, 512345678], [1, 2]]) }));
		expect(v).toEqual({ state: 'value', text: '1,234,567.89', cellId: 'c1' });
		expect(inlineValue({ cell: 'totals', column: 'user_id' }, cells, at({ c1: table([[1, 512345678]]) })).text).toBe('512345678');
	});

	it('says so instead of a number when the cell has not run, is running, or failed', () => {
		const ref = { cell: 'totals', column: 'revenue' };
		const done = table([[5, 1]]);
		expect(inlineValue(ref, cells, at({}))).toEqual({ state: 'pending', text: 'totals not run yet', cellId: 'c1' });
		// A re-run keeps the old output in its state: it must not be shown as current.
		expect(inlineValue(ref, cells, at({ c1: { ...done, status: 'running' } }))).toMatchObject({ state: 'pending', text: 'totals running' });
		expect(inlineValue(ref, cells, at({ c1: { ...done, status: 'queued' } }))).toMatchObject({ state: 'pending', text: 'totals queued' });
		expect(inlineValue(ref, cells, at({ c1: { ...done, status: 'error' } }))).toMatchObject({ state: 'failed', text: 'totals failed' });
		expect(inlineValue(ref, cells, at({ c1: { ...done, status: 'upstream-error' } }))).toMatchObject({ state: 'failed' });
	});

	it('names what is missing: the cell, the column or the rows', () => {
		expect(inlineValue({ cell: 'nope', column: 'x' }, cells, at({}))).toEqual({ state: 'missing', text: 'no cell named nope', cellId: null });
		expect(inlineValue({ cell: 'totals', column: 'x' }, cells, at({ c1: table([[1, 2]]) }))).toMatchObject({ state: 'empty', text: 'totals has no column x' });
		expect(inlineValue({ cell: 'totals', column: 'revenue' }, cells, at({ c1: table([]) }))).toMatchObject({ state: 'empty', text: 'totals has no rows' });
	});
});
