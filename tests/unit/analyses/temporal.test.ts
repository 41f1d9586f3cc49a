import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryBreadthSql, paydaySql, purchasesByHourSql, temporalHeatmapSql, temporalSection } from '../../../src/lib/analyses/temporal';
import { cellReferences } from '../support/notebook-kinds';
import { objects } from '../store/store-kit';
import { WasmTestClient } from '../support/wasm-client';
import { buildStore, light, phone, type RawEvent } from './h2-fixture';
import { parseSection, runSection } from './run-section';

// Building a store on the wasm engine takes seconds, more on a busy machine.
const HOOK_TIMEOUT = 120_000;

// Ten sessions of seven users, Monday 7 October to Saturday 30 November 2019 (UTC):
//   Mon 07 Oct 10h: A views twice and buys (100), B views         → Mon 10h: 4 events, 2 user-hours, 1 buyer-hour
//   Mon 07 Oct 23h: C views and buys (50)                         → Mon 23h: 2 events, 1 user-hour, 1 buyer-hour
//   Sun 13 Oct 20h: D views three times                           → Sun 20h: 3 events, 1 user-hour
//   Tue 15 Oct 10h: B views and buys (40)        (payday: 15th)   → Tue 10h: 2 events, 1 user-hour, 1 buyer-hour
//   Thu 31 Oct  9h: A views                      (payday: last)   → Thu  9h: 1 event, 1 user-hour
//   Fri 01 Nov 12h: E views a phone and a light, buys the light (200) (payday: 1st)
//                                                                 → Fri 12h: 3 events, 1 user-hour, 1 buyer-hour
//   Mon 04 Nov 10h: F views; A views in a session of their own   → Mon 10h: +2 events, +2 user-hours
//   Sat 30 Nov 18h: G views a product without a category (payday: last)
// The span is 55 days: 8 of each weekday but Sunday (7).
const [A, B, C, D, E, F, G] = [301, 302, 303, 304, 305, 306, 307];
const EVENTS: RawEvent[] = [
	phone('2019-10-07 10:05:00', 'view', A, 't1'),
	phone('2019-10-07 10:10:00', 'view', A, 't1'),
	phone('2019-10-07 10:20:00', 'purchase', A, 't1', 100),
	phone('2019-10-07 10:30:00', 'view', B, 't2'),
	phone('2019-10-07 23:30:00', 'view', C, 't3'),
	phone('2019-10-07 23:40:00', 'purchase', C, 't3', 50),
	phone('2019-10-13 20:00:00', 'view', D, 't4'),
	phone('2019-10-13 20:10:00', 'view', D, 't4'),
	phone('2019-10-13 20:20:00', 'view', D, 't4'),
	phone('2019-10-15 10:00:00', 'view', B, 't5'),
	phone('2019-10-15 10:15:00', 'purchase', B, 't5', 40),
	phone('2019-10-31 09:00:00', 'view', A, 't6'),
	phone('2019-11-01 12:00:00', 'view', E, 't7'),
	light('2019-11-01 12:05:00', 'view', E, 't7'),
	light('2019-11-01 12:10:00', 'purchase', E, 't7', 200),
	phone('2019-11-04 10:00:00', 'view', F, 't8'),
	phone('2019-11-04 10:30:00', 'view', A, 't9'),
	[`2019-11-30 18:00:00`, 'view', 5555, null, null, null, 9.99, G, 't10']
];

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await buildStore(db, EVENTS);
}, HOOK_TIMEOUT);
afterAll(() => db.close());

type Row = Record<string, unknown>;
const active = (rows: Row[]) => rows.filter((r) => r.events !== 0);
const pick = (rows: Row[], keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
const HEAT = ['day_name', 'hour', 'days', 'events', 'events_per_day', 'purchases', 'user_hours', 'buyer_hours', 'conversion_pct'];

describe('temporal heatmap (weekday × local hour, from hourly)', () => {
	it('gives 168 cells with events per calendar day of the weekday and user-hour conversion, in UTC', async () => {
		const rows = await objects(db, temporalHeatmapSql({ tzOffsetHours: '0' }));
		expect(rows).toHaveLength(168);
		expect(rows[0]).toMatchObject({ weekday: 1, day_name: 'Mon', hour: 0, days: 8, events: 0, conversion_pct: null });
		// Mon 10h: 6 events / 8 Mondays = 0.75 → 0.8; 1 buyer-hour of 4 user-hours = 25%.
		expect(pick(active(rows), HEAT)).toEqual([
			{ day_name: 'Mon', hour: 10, days: 8, events: 6, events_per_day: 0.8, purchases: 1, user_hours: 4, buyer_hours: 1, conversion_pct: 25 },
			{ day_name: 'Mon', hour: 23, days: 8, events: 2, events_per_day: 0.3, purchases: 1, user_hours: 1, buyer_hours: 1, conversion_pct: 100 },
			{ day_name: 'Tue', hour: 10, days: 8, events: 2, events_per_day: 0.3, purchases: 1, user_hours: 1, buyer_hours: 1, conversion_pct: 100 },
			{ day_name: 'Thu', hour: 9, days: 8, events: 1, events_per_day: 0.1, purchases: 0, user_hours: 1, buyer_hours: 0, conversion_pct: 0 },
			{ day_name: 'Fri', hour: 12, days: 8, events: 3, events_per_day: 0.4, purchases: 1, user_hours: 1, buyer_hours: 1, conversion_pct: 100 },
			{ day_name: 'Sat', hour: 18, days: 8, events: 1, events_per_day: 0.1, purchases: 0, user_hours: 1, buyer_hours: 0, conversion_pct: 0 },
			{ day_name: 'Sun', hour: 20, days: 7, events: 3, events_per_day: 0.4, purchases: 0, user_hours: 1, buyer_hours: 0, conversion_pct: 0 }
		]);
	});

	it('shifts whole UTC hours to local time, moving late Monday purchases to Tuesday at UTC+2', async () => {
		const rows = await objects(db, temporalHeatmapSql({ tzOffsetHours: '2' }));
		expect(pick(active(rows), ['day_name', 'hour', 'events', 'conversion_pct'])).toEqual([
			{ day_name: 'Mon', hour: 12, events: 6, conversion_pct: 25 },
			{ day_name: 'Tue', hour: 1, events: 2, conversion_pct: 100 },
			{ day_name: 'Tue', hour: 12, events: 2, conversion_pct: 100 },
			{ day_name: 'Thu', hour: 11, events: 1, conversion_pct: 0 },
			{ day_name: 'Fri', hour: 14, events: 3, conversion_pct: 100 },
			{ day_name: 'Sat', hour: 20, events: 1, conversion_pct: 0 },
			{ day_name: 'Sun', hour: 22, events: 3, conversion_pct: 0 }
		]);
	});

	it('counts the calendar days of the shifted span: at UTC−12 it starts on Sunday 6 October', async () => {
		const rows = await objects(db, temporalHeatmapSql({ tzOffsetHours: '-12' }));
		const days = new Map(rows.map((r) => [r.day_name, r.days]));
		// Sun 6 Oct 22h to Sat 30 Nov 6h local: 56 days, 8 of each weekday.
		expect([...days.values()]).toEqual([8, 8, 8, 8, 8, 8, 8]);
		expect(pick(active(rows), ['day_name', 'hour', 'events'])[0]).toEqual({ day_name: 'Mon', hour: 11, events: 2 });
	});

	it('refuses offsets that are not whole hours from −12 to 14, naming the value', async () => {
		await expect(objects(db, temporalHeatmapSql({ tzOffsetHours: '5.5' }))).rejects.toThrow(
			'invalid time-zone offset 5.5: expected whole hours from -12 to 14'
		);
		await expect(objects(db, temporalHeatmapSql({ tzOffsetHours: '15' }))).rejects.toThrow('invalid time-zone offset 15');
		await expect(objects(db, purchasesByHourSql({ tzOffsetHours: 'NULL' }))).rejects.toThrow('invalid time-zone offset NULL');
	});
});

describe('purchases by hour', () => {
	it('gives 24 local hours with purchases, their share, revenue and conversion', async () => {
		const rows = await objects(db, purchasesByHourSql({ tzOffsetHours: '0' }));
		expect(rows).toHaveLength(24);
		expect(rows[0]).toEqual({ hour: 0, purchases: 0, purchase_share_pct: 0, revenue: 0, conversion_pct: null });
		// 4 purchases in all. 10h: A (Mon 7 Oct) and B (Tue 15 Oct) bought; user-hours 2 + 2 + 1 = 5.
		expect(rows.filter((r) => r.conversion_pct !== null)).toEqual([
			{ hour: 9, purchases: 0, purchase_share_pct: 0, revenue: 0, conversion_pct: 0 },
			{ hour: 10, purchases: 2, purchase_share_pct: 50, revenue: 140, conversion_pct: 40 },
			{ hour: 12, purchases: 1, purchase_share_pct: 25, revenue: 200, conversion_pct: 100 },
			{ hour: 18, purchases: 0, purchase_share_pct: 0, revenue: 0, conversion_pct: 0 },
			{ hour: 20, purchases: 0, purchase_share_pct: 0, revenue: 0, conversion_pct: 0 },
			{ hour: 23, purchases: 1, purchase_share_pct: 25, revenue: 50, conversion_pct: 100 }
		]);
	});
});

describe('paydays vs other days (from daily)', () => {
	it('averages over every calendar day of the span, empty days as zero', async () => {
		// Paydays in 7 Oct – 30 Nov: 15 Oct, 31 Oct, 1 Nov, 15 Nov (no events), 30 Nov = 5 days:
		//   events 2+1+3+0+1 = 7, purchases 2, revenue 240, users 4, buyers 2.
		// Other days: 50, with events on 7 Oct (6 events, 2 purchases, 150, 3 users, 2 buyers),
		//   13 Oct (3 events, 1 user) and 4 Nov (2 events, 2 users).
		expect(await objects(db, paydaySql())).toEqual([
			{
				day_type: 'payday', days: 5, avg_events: 1.4, avg_purchases: 0.4, avg_revenue: 48, avg_users: 0.8, avg_buyers: 0.4,
				buyer_conversion_pct: 50, revenue_vs_other_days: 16
			},
			{
				day_type: 'other day', days: 50, avg_events: 0.2, avg_purchases: 0, avg_revenue: 3, avg_users: 0.1, avg_buyers: 0,
				buyer_conversion_pct: 33.33, revenue_vs_other_days: 1
			}
		]);
	});
});

describe('category breadth by month (from sessions)', () => {
	it('splits each month’s sessions into one, several and no category', async () => {
		// October: 6 sessions, each on phones. November: t7 phones + lights, t8 and t9 phones,
		// t10 a product without category.
		expect(await objects(db, categoryBreadthSql())).toEqual([
			{ month: '2019-10-01', breadth: 'one category', sessions: 6, share_pct: 100 },
			{ month: '2019-11-01', breadth: 'one category', sessions: 2, share_pct: 50 },
			{ month: '2019-11-01', breadth: 'several categories', sessions: 1, share_pct: 25 },
			{ month: '2019-11-01', breadth: 'no category', sessions: 1, share_pct: 25 }
		]);
	});
});

describe('temporalSection', () => {
	it('parses strictly and runs every cell in order with the default offset, charts on existing columns', async () => {
		const run = await runSection(db, temporalSection());
		expect(run.inputs).toEqual(new Map([['tz_offset_hours', 0]]));
		expect([...run.tables.keys()]).toEqual(['temporal_heatmap', 'temporal_by_hour', 'temporal_payday', 'temporal_category_breadth']);
		expect(run.charts).toEqual(['temporal_events_chart', 'temporal_conversion_chart', 'temporal_by_hour_chart', 'temporal_category_breadth_chart']);
		expect(run.tables.get('temporal_heatmap')!.rowCount).toBe(168);
		expect(run.tables.get('temporal_by_hour')!.rowCount).toBe(24);
	});

	it('lets only the heatmap and by-hour cells read the offset, so editing it re-runs just those', () => {
		const doc = parseSection(temporalSection());
		const readers = doc.cells.filter((c) => cellReferences(c).variables.has('tz_offset_hours')).map((c) => c.name);
		expect(readers).toEqual(['temporal_heatmap', 'temporal_by_hour']);
	});

	it('starts with its numbered heading and states its definitions', () => {
		const text = temporalSection();
		expect(text.startsWith('## 5. Temporal patterns\n')).toBe(true);
		for (const term of ['purchase conversion', 'payday', 'whole hours', 'one category']) expect(text).toContain(term);
	});
});
