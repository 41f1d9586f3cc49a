import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	AT_RISK_SEGMENTS,
	rfmAtRiskSql,
	rfmBuyersSql,
	rfmGridSql,
	RFM_MAP_SIX,
	RFM_MAP_TEN,
	RFM_MAPS,
	RFM_ORIGINAL_SEGMENTS,
	rfmScoresSql,
	rfmSection,
	RFM_SEGMENT_NAMES,
	RFM_SEGMENTS,
	rfmSegmentSummarySql,
	rfmSegmentUsersSql
} from '../../../src/lib/analyses/rfm';
import { quoteString } from '../../../src/lib/data/sql';
import { cellReferences } from '../support/notebook-kinds';
import { objects } from '../store/store-kit';
import { WasmTestClient } from '../support/wasm-client';
import { buildStore, light, phone, type RawEvent } from './h2-fixture';
import { parseSection, rowsOf, runSection } from './run-section';

// Building a store on the wasm engine takes seconds, more on a busy machine.
const HOOK_TIMEOUT = 120_000;

// Twelve buyers 101–112 with known R, F, M, and two non-buyers. The last event in the data is
// 120's view on Sat 30 Nov 18:00, so the reference time is Sun 1 Dec 18:00 and
// recency_days = 1 Dec − date of the last purchase.
//
// user  purchase sessions (date: prices)                        F  M     last      recency
// 101   1–5 Oct: 280 each, + 100 on 3 Oct without a session     5  1500  5 Oct     57
//       (a view on 20 Nov after it does not change recency)
// 102   9 Oct 100, 10 Oct 200, 11 Oct 150 + an exact duplicate row,
//       12 Oct 100                                              4  700   12 Oct    50
// 103   22 Oct: two items, 100 + 50, in one session             1  150   22 Oct    40
// 104   20, 21, 22 Oct: 70 each                                 3  210   22 Oct    40
// 105   28, 29 Oct: 30 each                                     2  60    29 Oct    33
// 106   6 Nov: 45                                               1  45    6 Nov     25
// 107   14, 15, 16 Nov: 70 each                                 3  210   16 Nov    15
// 108   18, 19 Nov: 150 each                                    2  300   19 Nov    12
// 109   24, 25 Nov: 45 each                                     2  90    25 Nov    6
// 110   25 Nov: 25                                              1  25    25 Nov    6
// 111   29 Nov 23:30: 30 (1 day 18.5 hours before the reference, 2 calendar days)
//                                                               1  30    29 Nov    2
// 112   24–29 Nov: 50, 50, 50, 50, 100, 100                     6  400   29 Nov    2
//
// 12 buyers → NTILE(5) groups of 3, 3, 2, 2, 2 in order:
// R by recency desc, user_id: 101 102 103 | 104 105 106 | 107 108 | 109 110 | 111 112
//   (103 and 104 tie at 40 days: user_id puts 103 in R1 and 104 in R2)
// F by frequency, monetary, user_id: 110 111 106 | 103 105 109 | 108 104 | 107 102 | 101 112
//   (104 and 107 tie at 3 sessions and 210: user_id puts 104 in F3 and 107 in F4)
// M by monetary, user_id: 110 111 106 | 105 109 103 | 104 107 | 108 112 | 102 101
const session = (user: number, day: string, prices: number[], time = '10:00:00'): RawEvent[] =>
	prices.map((price) => phone(`2019-${day} ${time}`, 'purchase', user, `r${user}-${day}`, price));
const sessions = (user: number, days: string[], prices: number[]): RawEvent[] => days.flatMap((day, i) => session(user, day, [prices[i]]));

const EVENTS: RawEvent[] = [
	...sessions(101, ['10-01', '10-02', '10-03', '10-04', '10-05'], [280, 280, 280, 280, 280]),
	phone('2019-10-03 12:00:00', 'purchase', 101, null, 100),
	phone('2019-11-20 08:00:00', 'view', 101, 'r101-view'),
	...sessions(102, ['10-09', '10-10', '10-12'], [100, 200, 100]),
	...session(102, '10-11', [150, 150]),
	phone('2019-10-22 10:00:00', 'purchase', 103, 'r103', 100),
	light('2019-10-22 10:01:00', 'purchase', 103, 'r103', 50),
	...sessions(104, ['10-20', '10-21', '10-22'], [70, 70, 70]),
	...sessions(105, ['10-28', '10-29'], [30, 30]),
	...sessions(106, ['11-06'], [45]),
	...sessions(107, ['11-14', '11-15', '11-16'], [70, 70, 70]),
	...sessions(108, ['11-18', '11-19'], [150, 150]),
	...sessions(109, ['11-24', '11-25'], [45, 45]),
	...sessions(110, ['11-25'], [25]),
	...session(111, '11-29', [30], '23:30:00'),
	...sessions(112, ['11-24', '11-25', '11-26', '11-27', '11-28', '11-29'], [50, 50, 50, 50, 100, 100]),
	phone('2019-11-02 10:00:00', 'cart', 121, 'r121'),
	phone('2019-11-30 18:00:00', 'view', 120, 'r120')
];

type Score = [user_id: number, recency_days: number, frequency: number, monetary: number, r: number, f: number, m: number, segment: string];
const SCORES = (<Score[]>[
	// user, recency_days, frequency, monetary, r, f, m, segment
	[101, 57, 5, 1500, 1, 5, 5, "Can't lose them"],
	[102, 50, 4, 700, 1, 4, 5, 'At risk'],
	[103, 40, 1, 150, 1, 2, 2, 'Hibernating'],
	[104, 40, 3, 210, 2, 3, 3, 'At risk'],
	[105, 33, 2, 60, 2, 2, 2, 'Hibernating'],
	[106, 25, 1, 45, 2, 1, 1, 'Hibernating'],
	[107, 15, 3, 210, 3, 4, 3, 'Loyal customers'],
	[108, 12, 2, 300, 3, 3, 4, 'Need attention'],
	[109, 6, 2, 90, 4, 2, 2, 'Potential loyalists'],
	[110, 6, 1, 25, 4, 1, 1, 'Promising'],
	[111, 2, 1, 30, 5, 1, 1, 'New customers'],
	[112, 2, 6, 400, 5, 5, 4, 'Champions']
]).map(([user_id, recency_days, frequency, monetary, r, f, m, segment]) => ({ user_id, recency_days, frequency, monetary, r, f, m, segment }));

// The original platform's six segments of the same buyers, by hand from (R, F) and its
// definitions: Champions R 4–5 F 4–5, Promising R 4–5 F 1–3, Loyal customers R 3 F 3–5,
// Can't lose them R 1–2 F 3–5, Hibernating R 2–3 F 1–2, Lost R 1 F 1–2.
const SIX: Record<number, string> = {
	101: "Can't lose them", // R1 F5
	102: "Can't lose them", // R1 F4
	103: 'Lost', // R1 F2
	104: "Can't lose them", // R2 F3
	105: 'Hibernating', // R2 F2
	106: 'Hibernating', // R2 F1
	107: 'Loyal customers', // R3 F4
	108: 'Loyal customers', // R3 F3
	109: 'Promising', // R4 F2
	110: 'Promising', // R4 F1
	111: 'Promising', // R5 F1
	112: 'Champions' // R5 F5
};
const six = quoteString(RFM_MAP_SIX);
const SIX_SECTION = (text: string) => text.replace(`"value": ${JSON.stringify(RFM_MAP_TEN)}`, `"value": ${JSON.stringify(RFM_MAP_SIX)}`);
const summaryRows = (rows: (string | number | null)[][]) =>
	rows.map(([segment, users, share_pct, avg_spend, total_spend, spend_share_pct, avg_recency_days, avg_frequency]) => ({
		segment, users, share_pct, avg_spend, total_spend, spend_share_pct, avg_recency_days, avg_frequency
	}));

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await buildStore(db, EVENTS);
	await db.exec(`CREATE TABLE rfm_scores AS ${rfmScoresSql()}`);
	await db.exec(`CREATE VIEW rfm_buyers AS ${rfmBuyersSql()}`);
	await db.exec(`CREATE VIEW rfm_buyers_six AS ${rfmBuyersSql({ map: six })}`);
}, HOOK_TIMEOUT);
afterAll(() => db.close());

describe('RFM segment maps', () => {
	const cells = (segments: readonly { r: readonly number[]; f: readonly number[] }[]) =>
		segments.flatMap((s) => {
			const out: string[] = [];
			for (let r = s.r[0]; r <= s.r[1]; r++) for (let f = s.f[0]; f <= s.f[1]; f++) out.push(`R${r} F${f}`);
			return out;
		});
	const GRID = Array.from({ length: 25 }, (_, i) => `R${Math.floor(i / 5) + 1} F${(i % 5) + 1}`);

	it('offers the ten-segment map first (the default) and the original six-segment map', () => {
		expect(RFM_MAPS.map((m) => [m.value, m.segments])).toEqual([
			[RFM_MAP_TEN, RFM_SEGMENTS],
			[RFM_MAP_SIX, RFM_ORIGINAL_SEGMENTS]
		]);
		expect(RFM_ORIGINAL_SEGMENTS.map((s) => s.name)).toEqual(['Champions', 'Promising', 'Loyal customers', "Can't lose them", 'Hibernating', 'Lost']);
	});

	it('puts every (R, F) pair of the 5 × 5 grid in exactly one segment, under each map', () => {
		for (const map of RFM_MAPS) {
			for (let r = 1; r <= 5; r++) {
				for (let f = 1; f <= 5; f++) {
					const hits = map.segments.filter((s) => r >= s.r[0] && r <= s.r[1] && f >= s.f[0] && f <= s.f[1]);
					expect(hits, `${map.value}: R${r} F${f}`).toHaveLength(1);
				}
			}
			expect(cells(map.segments).sort(), map.value).toEqual([...GRID].sort());
		}
	});

	it('gives each map at-risk segments covering exactly R 1–2 × F 3–5, so the at-risk value is one number', () => {
		for (const map of RFM_MAPS) {
			const atRisk = map.segments.filter((s) => map.atRisk.includes(s.name));
			expect(atRisk.map((s) => s.name), map.value).toEqual([...map.atRisk]);
			expect(cells(atRisk).sort(), map.value).toEqual(['R1 F3', 'R1 F4', 'R1 F5', 'R2 F3', 'R2 F4', 'R2 F5']);
		}
	});

	it('lists every map’s names once for the segment input, the ten-segment map’s first', () => {
		expect(RFM_SEGMENT_NAMES).toEqual([...RFM_SEGMENTS.map((s) => s.name), 'Lost']);
	});
});

describe('rfmScoresSql (users + the last event time)', () => {
	it('scores the 12 buyers as computed by hand, ties broken by user_id', async () => {
		const rows = await objects(db, `SELECT * EXCLUDE (last_purchase) FROM (${rfmScoresSql()}) ORDER BY user_id`);
		expect(rows).toEqual(SCORES.map(({ segment: _, ...score }) => score));
	});

	it('leaves out users without a purchase, and keeps the last purchase time', async () => {
		const rows = await objects(db, `SELECT user_id, last_purchase FROM rfm_scores WHERE user_id IN (111, 120, 121) ORDER BY user_id`);
		expect(rows).toEqual([{ user_id: 111, last_purchase: '2019-11-29 23:30:00' }]);
	});
});

describe('rfmBuyersSql (the scores labelled by a segment map)', () => {
	it('gives each scored buyer its segment under the standard map', async () => {
		expect(await objects(db, `SELECT * EXCLUDE (last_purchase) FROM rfm_buyers ORDER BY user_id`)).toEqual(SCORES);
	});

	it('with the six-segment map, gives each buyer the same scores and the original platform’s segment for its (R, F)', async () => {
		const rows = await objects(db, `SELECT * EXCLUDE (last_purchase) FROM rfm_buyers_six ORDER BY user_id`);
		expect(rows).toEqual(SCORES.map((s) => ({ ...s, segment: SIX[s.user_id] })));
		// The same map spelt as the default's value gives the default's segments.
		const spelt = rfmBuyersSql({ map: quoteString(RFM_MAP_TEN) });
		expect(await objects(db, `SELECT * EXCLUDE (last_purchase) FROM (${spelt}) ORDER BY user_id`)).toEqual(SCORES);
	});

	it('fails on a value that is not a map, naming the maps', async () => {
		const expected = 'unknown RFM map "eight segments"; expected one of "ten segments", "six segments (original platform)"';
		await expect(objects(db, rfmBuyersSql({ map: quoteString('eight segments') }))).rejects.toThrow(expected);
		await expect(objects(db, rfmSegmentSummarySql({ map: quoteString('eight segments') }))).rejects.toThrow(expected);
		await expect(objects(db, rfmAtRiskSql({ map: quoteString('eight segments') }))).rejects.toThrow(expected);
		await expect(objects(db, rfmSegmentUsersSql({ segment: quoteString('Lost'), map: quoteString('eight segments') }))).rejects.toThrow(expected);
		await expect(objects(db, rfmBuyersSql({ map: 'NULL' }))).rejects.toThrow('unknown RFM map NULL; expected one of');
	});
});

describe('rfmSegmentSummarySql', () => {
	it('gives every segment, empty ones included, with users, shares, spend and recency', async () => {
		// Total spend 3720. At risk: 102 + 104 = 910, recency (50 + 40) / 2 = 45.
		// Hibernating: 103 + 105 + 106 = 255, recency (40 + 33 + 25) / 3 = 32.67.
		const rows = await objects(db, rfmSegmentSummarySql());
		expect(rows).toEqual(summaryRows([
			['Champions', 1, 8.33, 400, 400, 10.75, 2, 6],
			['Loyal customers', 1, 8.33, 210, 210, 5.65, 15, 3],
			['Potential loyalists', 1, 8.33, 90, 90, 2.42, 6, 2],
			['New customers', 1, 8.33, 30, 30, 0.81, 2, 1],
			['Promising', 1, 8.33, 25, 25, 0.67, 6, 1],
			['Need attention', 1, 8.33, 300, 300, 8.06, 12, 2],
			['About to sleep', 0, 0, null, 0, 0, null, null],
			['At risk', 2, 16.67, 455, 910, 24.46, 45, 3.5],
			["Can't lose them", 1, 8.33, 1500, 1500, 40.32, 57, 5],
			['Hibernating', 3, 25, 85, 255, 6.85, 32.7, 1.33]
		]));
	});

	it('with the six-segment map, gives its six segments in order, their buyers adding up to all 12', async () => {
		// Promising 109 + 110 + 111: spend 145, recency (6 + 6 + 2) / 3 = 4.67, sessions 4 / 3.
		// Loyal customers 107 + 108: 510, recency 13.5. Can't lose them 101 + 102 + 104: 2410,
		// recency (57 + 50 + 40) / 3 = 49. Hibernating 105 + 106: 105, recency 29. Lost 103.
		const rows = await objects(db, rfmSegmentSummarySql({ buyers: 'rfm_buyers_six', map: six }));
		expect(rows).toEqual(summaryRows([
			['Champions', 1, 8.33, 400, 400, 10.75, 2, 6],
			['Promising', 3, 25, 48.33, 145, 3.9, 4.7, 1.33],
			['Loyal customers', 2, 16.67, 255, 510, 13.71, 13.5, 2.5],
			["Can't lose them", 3, 25, 803.33, 2410, 64.78, 49, 4],
			['Hibernating', 2, 16.67, 52.5, 105, 2.82, 29, 1.5],
			['Lost', 1, 8.33, 150, 150, 4.03, 40, 1]
		]));
		expect(rows.reduce((n, r) => n + Number(r.users), 0)).toBe(SCORES.length);
		// Every buyer's hand-made segment, counted: the summary agrees with SIX.
		const counts = Object.values(SIX).reduce<Record<string, number>>((c, s) => ({ ...c, [s]: (c[s] ?? 0) + 1 }), {});
		expect(Object.fromEntries(rows.map((r) => [r.segment, r.users]))).toEqual(counts);
	});
});

describe('rfmAtRiskSql', () => {
	it('adds the spend of At risk and Can’t lose them buyers', async () => {
		// 910 + 1500 = 2410 of 3720 = 64.78%.
		expect(await objects(db, rfmAtRiskSql())).toEqual([
			{ at_risk_users: 2, at_risk_spend: 910, cant_lose_users: 1, cant_lose_spend: 1500, at_risk_value: 2410, at_risk_value_pct: 64.78 }
		]);
	});

	it('gives the same value under the six-segment map, all in Can’t lose them, with no At risk part', async () => {
		const [ten] = await objects(db, rfmAtRiskSql());
		const [sixRow] = await objects(db, rfmAtRiskSql({ buyers: 'rfm_buyers_six', map: six }));
		expect(sixRow).toEqual({ at_risk_users: null, at_risk_spend: null, cant_lose_users: 3, cant_lose_spend: 2410, at_risk_value: 2410, at_risk_value_pct: 64.78 });
		expect([sixRow.at_risk_value, sixRow.at_risk_value_pct]).toEqual([ten.at_risk_value, ten.at_risk_value_pct]);
	});

	it('tells an empty at-risk segment (0) from one the map lacks (null), one row even without buyers', async () => {
		const none = `(SELECT * FROM rfm_buyers WHERE false)`;
		expect(await objects(db, rfmAtRiskSql({ buyers: none }))).toEqual([
			{ at_risk_users: 0, at_risk_spend: 0, cant_lose_users: 0, cant_lose_spend: 0, at_risk_value: 0, at_risk_value_pct: null }
		]);
		expect(AT_RISK_SEGMENTS).toEqual(['At risk', "Can't lose them"]);
	});
});

describe('rfmGridSql', () => {
	it('gives one point per occupied (R, F) cell with buyers and mean M', async () => {
		const rows = await objects(db, rfmGridSql());
		expect(rows.map((r) => [r.r, r.f, r.users, r.avg_m, r.segment])).toEqual(
			[...SCORES].sort((a, b) => a.r - b.r || a.f - b.f).map((s) => [s.r, s.f, 1, s.m, s.segment])
		);
	});
});

describe('rfmSegmentUsersSql', () => {
	it('lists one segment’s buyers with their scores, highest spend first', async () => {
		const expected = [
			{ user_id: 102, recency_days: 50, frequency: 4, monetary: 700, r: 1, f: 4, m: 5 },
			{ user_id: 104, recency_days: 40, frequency: 3, monetary: 210, r: 2, f: 3, m: 3 }
		];
		expect(await objects(db, rfmSegmentUsersSql({ segment: quoteString('At risk') }))).toEqual(expected);
		expect(await objects(db, rfmSegmentUsersSql({ segment: quoteString('At risk'), buyers: 'rfm_buyers' }))).toEqual(expected);
	});

	it('scores over all buyers before filtering, and gives no rows for an empty segment', async () => {
		expect(await objects(db, rfmSegmentUsersSql({ segment: quoteString('Champions') }))).toEqual([
			{ user_id: 112, recency_days: 2, frequency: 6, monetary: 400, r: 5, f: 5, m: 4 }
		]);
		expect(await objects(db, rfmSegmentUsersSql({ segment: quoteString('About to sleep') }))).toEqual([]);
	});

	it('lists a segment of the six-segment map, scoring under that map', async () => {
		expect((await objects(db, rfmSegmentUsersSql({ segment: quoteString("Can't lose them"), map: six }))).map((r) => r.user_id)).toEqual([101, 102, 104]);
		expect(await objects(db, rfmSegmentUsersSql({ segment: quoteString('Lost'), buyers: 'rfm_buyers_six', map: six }))).toEqual([
			{ user_id: 103, recency_days: 40, frequency: 1, monetary: 150, r: 1, f: 2, m: 2 }
		]);
	});

	it('fails on a name that is not a segment of the chosen map, listing that map’s segments', async () => {
		await expect(objects(db, rfmSegmentUsersSql({ segment: quoteString('Lost') }))).rejects.toThrow(
			`RFM segment "Lost" is not in the map "ten segments"; expected one of ${RFM_SEGMENTS.map((s) => s.name).join(', ')}`
		);
		await expect(objects(db, rfmSegmentUsersSql({ segment: quoteString('At risk'), buyers: 'rfm_buyers_six', map: six }))).rejects.toThrow(
			`RFM segment "At risk" is not in the map "six segments (original platform)"; expected one of Champions, Promising, Loyal customers, Can't lose them, Hibernating, Lost`
		);
		await expect(objects(db, rfmSegmentUsersSql({ segment: 'NULL' }))).rejects.toThrow('RFM segment NULL is not in the map');
	});
});

describe('rfmSection', () => {
	it('parses strictly and runs every cell in order with the default map and segment, charts on existing columns', async () => {
		const run = await runSection(db, rfmSection());
		expect(run.inputs).toEqual(new Map([['rfm_map', RFM_MAP_TEN], ['rfm_segment', "Can't lose them"]]));
		expect(run.cells.filter((c) => c.kind !== 'markdown').map((c) => c.name)).toEqual([
			'rfm_map', 'rfm_scores', 'rfm_buyers', 'rfm_segments', 'rfm_segments_chart', 'rfm_at_risk', 'rfm_grid', 'rfm_grid_chart', 'rfm_segment', 'rfm_segment_users'
		]);
		expect([...run.tables.keys()]).toEqual(['rfm_scores', 'rfm_buyers', 'rfm_segments', 'rfm_at_risk', 'rfm_grid', 'rfm_segment_users']);
		expect(run.charts).toEqual(['rfm_segments_chart', 'rfm_grid_chart']);
		const byUser = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => Number(a.user_id) - Number(b.user_id));
		expect(byUser(rowsOf(run.tables.get('rfm_buyers'))).map((r) => r.segment)).toEqual(SCORES.map((s) => s.segment));
		expect(rowsOf(run.tables.get('rfm_segments')).map((r) => r.segment)).toEqual(RFM_SEGMENTS.map((s) => s.name));
		expect(run.tables.get('rfm_segment_users')!.rows.map((r) => r[0])).toEqual([101]);
	});

	it('runs every cell with the six-segment map chosen: its segments, the same at-risk value', async () => {
		const run = await runSection(db, SIX_SECTION(rfmSection()));
		expect(run.inputs.get('rfm_map')).toBe(RFM_MAP_SIX);
		const buyers = [...rowsOf(run.tables.get('rfm_buyers'))].sort((a, b) => Number(a.user_id) - Number(b.user_id));
		expect(buyers.map((r) => [r.user_id, r.segment])).toEqual(SCORES.map((s) => [s.user_id, SIX[s.user_id]]));
		expect(rowsOf(run.tables.get('rfm_segments')).map((r) => [r.segment, r.users])).toEqual([
			['Champions', 1], ['Promising', 3], ['Loyal customers', 2], ["Can't lose them", 3], ['Hibernating', 2], ['Lost', 1]
		]);
		expect(rowsOf(run.tables.get('rfm_at_risk'))[0]).toMatchObject({ at_risk_users: null, cant_lose_users: 3, at_risk_value: 2410 });
		expect(rowsOf(run.tables.get('rfm_grid')).map((r) => r.segment)).toEqual(
			[...SCORES].sort((a, b) => a.r - b.r || a.f - b.f).map((s) => SIX[s.user_id])
		);
		expect(run.tables.get('rfm_segment_users')!.rows.map((r) => r[0])).toEqual([101, 102, 104]);
	});

	it('lets only the segment user list read the chosen segment, and the map-dependent cells the map', () => {
		const doc = parseSection(rfmSection());
		const readers = (name: string) => doc.cells.filter((c) => cellReferences(c).variables.has(name)).map((c) => c.name);
		expect(readers('rfm_segment')).toEqual(['rfm_segment_users']);
		expect(readers('rfm_map')).toEqual(['rfm_buyers', 'rfm_segments', 'rfm_at_risk', 'rfm_segment_users']);
	});

	it('offers both maps and every map’s segment names as inputs', () => {
		const doc = parseSection(rfmSection());
		const spec = (name: string) => JSON.parse(doc.cells.find((c) => c.name === name)!.source);
		expect(spec('rfm_map')).toEqual({ type: 'select', value: RFM_MAP_TEN, options: [RFM_MAP_TEN, RFM_MAP_SIX], label: 'Segment map' });
		expect(spec('rfm_segment').options).toEqual(RFM_SEGMENT_NAMES);
	});

	it('states the definitions and both segment maps, row for row', () => {
		const text = rfmSection();
		expect(text.startsWith('## 6. RFM segmentation\n')).toBe(true);
		expect(text).toContain('NTILE(5) OVER (ORDER BY frequency, monetary, user_id)');
		const range = ([lo, hi]: readonly number[]) => (lo === hi ? `${lo}` : `${lo}–${hi}`);
		for (const map of RFM_MAPS) {
			const table = ['| segment | R | F |', '|---|---|---|', ...map.segments.map((s) => `| ${s.name} | ${range(s.r)} | ${range(s.f)} |`)].join('\n');
			expect(text, map.value).toContain(table);
		}
		expect(text).toContain("| Can't lose them | 1–2 | 3–5 |");
		expect(text).toContain('| Lost | 1 | 1–2 |');
	});
});
