import { describe, expect, it } from 'vitest';
import { binTitle, countsText, percentText, rangeText, summaryTitle, topText } from '../../../src/lib/components/column-summary-text';
import type { ColumnSummary, Histogram } from '../../../src/lib/data/column-summaries';
import type { ColumnInfo } from '../../../src/lib/data/value';

const num: ColumnInfo = { name: 'price', type: 'DOUBLE', kind: 'number' };
const hist = (over: Partial<Histogram>): Histogram => ({ min: '0', max: '160', low: 0, high: 160, temporal: false, perValue: false, bins: new Array(16).fill(1), ...over });
const summary = (over: Partial<ColumnSummary>): ColumnSummary => ({ rows: 100, sampled: null, nulls: 0, distinct: 10, histogram: null, top: null, ...over });

describe('column summary text', () => {
	it('never rounds a share that is neither none nor all to 0% or 100%', () => {
		expect(percentText(1, 1000)).toBe('<1%');
		expect(percentText(999, 1000)).toBe('>99%');
		expect(percentText(3, 100)).toBe('3%');
		expect(percentText(0, 100)).toBe('0%');
		expect(percentText(0, 0)).toBe('0%');
	});

	it('says how many values are NULL and how many distinct', () => {
		expect(countsText(summary({ nulls: 3, distinct: 1234 }))).toBe('3% null · ~1.2K distinct');
		expect(countsText(summary({ rows: 200_000, distinct: 187_345 }))).toBe('no nulls · ~190K distinct');
		expect(countsText(summary({ nulls: 3, distinct: 999 }))).toBe('3% null · ~999 distinct');
		expect(countsText(summary({ nulls: 0 }))).toBe('no nulls · ~10 distinct');
		expect(countsText(summary({ nulls: 100, distinct: 0 }))).toBe('all null');
		expect(countsText(summary({ rows: 0, distinct: 0 }))).toBe('no rows');
		expect(countsText(summary({ distinct: null }))).toBe('no nulls');
	});

	it('lists the top values with their shares of all rows, then the others', () => {
		const s = summary({ nulls: 10, distinct: 5, top: { values: [{ value: 'a', count: 50 }, { value: 'b', count: 30 }, { value: 'c', count: 6 }], otherRows: 4, otherValues: 2 } });
		expect(topText(s)).toBe('a 50% · b 30% · c 6% · 2 others');
		expect(topText(summary({ top: { values: [{ value: 'x', count: 99 }], otherRows: 1, otherValues: 1 } }))).toBe('x 99% · 1 other');
		expect(summaryTitle(s, { name: 'w', type: 'VARCHAR', kind: 'string' })).toContain('2 other values: 4%');
	});

	it('shows ranges as the table shows numbers, and exact text where a double would round', () => {
		expect(rangeText(hist({ min: '0', max: '199999' }), num)).toBe('0 – 199,999');
		expect(rangeText(hist({ min: '-170141183460469231731687303715884105727', max: '1' }), num)).toBe('-170141183460469231731687303715884105727 – 1');
		expect(rangeText(hist({ min: '2019-10-01', max: '2019-10-01', temporal: true }), num)).toBe('2019-10-01');
		expect(rangeText(hist({ min: '0.125', max: '2.500' }), num)).toBe('0.125 – 2.5');
	});

	it('names each bin by its range', () => {
		expect(binTitle(hist({}), 0, num)).toBe('1 row: 0 to below 10');
		expect(binTitle(hist({}), 15, num)).toBe('1 row: 150 to 160');
		expect(binTitle(hist({ low: 0, high: 6, perValue: true, bins: [5, 5, 5, 5, 5, 5, 5] }), 3, num)).toBe('5 rows: 3');
		const day = 86_400;
		const dates = hist({ temporal: true, low: Date.UTC(2019, 9, 1) / 1000, high: Date.UTC(2019, 9, 1) / 1000 + 16 * day });
		expect(binTitle(dates, 1, { name: 'd', type: 'DATE', kind: 'date' })).toBe('1 row: 2019-10-02 to below 2019-10-03');
	});
});
