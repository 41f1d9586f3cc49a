import { describe, expect, it } from 'vitest';
import { appendEventsSql, buildStorePlan, dayWindows, partitionsFor } from '../../../src/lib/store';
import { monthWindows } from '../../../src/lib/store/month-windows';

describe('partitionsFor', () => {
	it('keeps each pass near ten million rows, with at least one pass', () => {
		expect([0, 1, 10_000_000, 10_000_001, 109_950_743].map((n) => partitionsFor(n))).toEqual([1, 1, 1, 2, 11]);
		expect(partitionsFor(5_000_000, 2_000_000)).toBe(3);
	});

	it('rejects nonsense', () => {
		expect(() => partitionsFor(-1)).toThrow('invalid rows: -1');
		expect(() => partitionsFor(10, 0)).toThrow('invalid rowsPerPass: 0');
	});
});

describe('dayWindows', () => {
	it('packs whole days in order into windows of at most rowsPerWindow rows, open at both ends', () => {
		const days = [['2019-10-02', 3], ['2019-10-01', 3], ['2019-10-03', 5], ['2019-10-04', 1]] as const;
		expect(dayWindows(days, 6)).toEqual([`event_time IS NOT NULL AND event_time < TIMESTAMP '2019-10-03'`, `event_time >= TIMESTAMP '2019-10-03'`]);
	});

	it('gives a day with more rows than a window a window of its own', () => {
		expect(dayWindows([['2019-11-16', 2], ['2019-11-17', 10], ['2019-11-18', 2]], 5)).toEqual([
			`event_time IS NOT NULL AND event_time < TIMESTAMP '2019-11-17'`,
			`event_time >= TIMESTAMP '2019-11-17' AND event_time < TIMESTAMP '2019-11-18'`,
			`event_time >= TIMESTAMP '2019-11-18'`
		]);
	});

	it('is one window for no days or few rows, and rejects nonsense', () => {
		expect(dayWindows([])).toEqual(['event_time IS NOT NULL']);
		expect(dayWindows([['2019-10-01', 5], ['2019-10-02', 5]])).toEqual(['event_time IS NOT NULL']);
		expect(() => dayWindows([['Oct 1', 5]])).toThrow('invalid day: Oct 1');
		expect(() => dayWindows([['2019-10-01', -1]])).toThrow('invalid rows for 2019-10-01: -1');
		expect(() => dayWindows([], 0)).toThrow('invalid rowsPerWindow: 0');
	});
});

describe('monthWindows', () => {
	it('cuts the months into runs of whole days, open at both ends', () => {
		expect(monthWindows(['2019-11', '2019-10'], 3)).toEqual([
			`event_time IS NOT NULL AND event_time < TIMESTAMP '2019-10-21'`,
			`event_time >= TIMESTAMP '2019-10-21' AND event_time < TIMESTAMP '2019-11-11'`,
			`event_time >= TIMESTAMP '2019-11-11'`
		]);
	});

	it('is one window for one pass or no months, and never more windows than days', () => {
		expect(monthWindows(['2019-10'], 1)).toEqual(['event_time IS NOT NULL']);
		expect(monthWindows([], 4)).toEqual(['event_time IS NOT NULL']);
		expect(monthWindows(['2019-02'], 100)).toHaveLength(28);
	});

	it('names a malformed month', () => {
		expect(() => monthWindows(['2019-13'], 2)).toThrow('invalid month: 2019-13');
		expect(() => monthWindows(['Oct 2019'], 2)).toThrow('invalid month: Oct 2019');
	});
});

describe('step lists', () => {
	it('buildStorePlan: marker first and last, one step per pass, passes from rows', () => {
		const names = buildStorePlan({ rows: 25_000_000, months: ['2019-10', '2019-11'] }).map((s) => s.name);
		expect(names[0]).toBe('start build');
		expect(names.at(-1)).toBe('finish build');
		expect(names.filter((n) => n.startsWith('sessions '))).toEqual(['sessions 1/3', 'sessions 2/3', 'sessions 3/3']);
		expect(names.filter((n) => n.startsWith('purchase_pairs'))).toHaveLength(6);
		expect(names).toContain('basket_items');
		expect(names).toContain('price_counts');
		expect(names[names.indexOf('price_counts') + 1]).toBe('column_stats');
		// One small pass per basket combination: 2 levels × 3 item levels, and × 2 label levels.
		expect(names.filter((n) => n.startsWith('basket_stats '))).toHaveLength(6);
		expect(names.filter((n) => n.startsWith('item_pairs '))).toEqual([
			'item_pairs session category_code', 'item_pairs session brand', 'item_pairs user category_code', 'item_pairs user brand'
		]);
		expect(names.filter((n) => n.startsWith('item_triples '))).toEqual([
			'item_triples session category_code', 'item_triples session brand', 'item_triples user category_code', 'item_triples user brand'
		]);
		expect(buildStorePlan({ rows: 25_000_000, months: [], partitions: 1 })).toHaveLength(30);
		expect(names.filter((n) => n.startsWith('user_days '))).toEqual(['user_days 1/3', 'user_days 2/3', 'user_days 3/3']);
		// A pass per partition, then the RFM quintiles over all of a cut's buyers; after user_days and sessions.
		expect(names.filter((n) => n.startsWith('user_features '))).toEqual(['user_features 1/3', 'user_features 2/3', 'user_features 3/3', 'user_features rfm']);
		expect(names.indexOf('user_features 1/3')).toBeGreaterThan(Math.max(names.indexOf('user_days 3/3'), names.indexOf('sessions 3/3')));
		expect(() => buildStorePlan({ rows: 1, months: [], maxBasketItems: 1 })).toThrow('invalid maxBasketItems: 1');
		expect(() => buildStorePlan({ rows: 1, months: [], maxTripleItems: 2 })).toThrow('invalid maxTripleItems: 2');
	});

	it('appendEventsSql: stage and drop only for sources it must copy, a step pair per slice', () => {
		expect(appendEventsSql('src', { passes: 2 }).map((s) => s.name)).toEqual([
			'prepare store',
			'stage events',
			'check events',
			'session ids 1/2',
			'append events 1/2',
			'session ids 2/2',
			'append events 2/2',
			'drop staging'
		]);
		expect(appendEventsSql('t', { staged: true, invalidRows: 'route' }).map((s) => s.name)).toEqual([
			'prepare store',
			'route invalid rows',
			'session ids',
			'append events'
		]);
		expect(appendEventsSql('src', { rows: 25_000_000 }).filter((s) => s.name.startsWith('append'))).toHaveLength(5); // 5M rows an append pass
	});

	it('rejects bad options by name', () => {
		expect(() => appendEventsSql('src', { passes: 0 })).toThrow('invalid passes: 0');
		expect(() => appendEventsSql('src', { invalidRows: 'skip' as never })).toThrow('invalid invalidRows: skip');
		expect(() => buildStorePlan({ rows: 1, months: [], minPairBaskets: 0 })).toThrow('invalid minPairBaskets: 0');
	});
});
