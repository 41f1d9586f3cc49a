import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortCurveSql, cohortOneSessionSql, cohortRetentionSql, cohortSection } from '../../../src/lib/analyses/cohort';
import { objects } from '../store/store-kit';
import { WasmTestClient } from '../support/wasm-client';
import { buildStore, phone, type RawEvent } from './h2-fixture';
import { runSection } from './run-section';

// Building a store on the wasm engine takes seconds, more on a busy machine.
const HOOK_TIMEOUT = 120_000;

// Seven users. ISO weeks (Mondays): 30 Sep, 7 Oct, 14 Oct, 21 Oct, … 25 Nov (the last week).
//   201  Tue 1 Oct view (s1); Sun 6 Oct 23:50 view → Mon 7 Oct 00:10 purchase (s2, over the
//        Monday midnight); Mon 14 Oct 12:00 view starting s3; Mon 21 Oct view (s4)
//        → cohort 30 Sep, active weeks 0, 1 (bought), 2, 3; 4 sessions
//   202  Wed 2 Oct view + purchase in one session        → cohort 30 Sep, week 0 (bought); 1 session
//   203  Thu 3 Oct view (s6); 14 Oct 12:05 view in s3, the session 201 started
//        → cohort 30 Sep, weeks 0 and 2; 2 sessions (sessions.user_id of s3 is 201:
//          a sessions-based count would miss 203's week 2)
//   204  Fri 4 Oct view; Mon 25 Nov purchase             → cohort 30 Sep, weeks 0 and 8 (bought); 2 sessions
//   205  Tue 8 Oct view; 15 Oct view; 22 Oct purchase    → cohort 7 Oct, weeks 0, 1, 2 (bought); 3 sessions
//   206  Wed 9 Oct view                                   → cohort 7 Oct, week 0; 1 session
//   207  Tue 26 Nov view                                  → cohort 25 Nov, week 0; 1 session
// The last week is 25 Nov: cohort 30 Sep reaches week 8, cohort 7 Oct week 7, cohort 25 Nov week 0.
const EVENTS: RawEvent[] = [
	phone('2019-10-01 10:00:00', 'view', 201, 'c1'),
	phone('2019-10-06 23:50:00', 'view', 201, 'c2'),
	phone('2019-10-07 00:10:00', 'purchase', 201, 'c2', 60),
	phone('2019-10-14 12:00:00', 'view', 201, 'c3'),
	phone('2019-10-14 12:05:00', 'view', 203, 'c3'),
	phone('2019-10-21 09:00:00', 'view', 201, 'c4'),
	phone('2019-10-02 10:00:00', 'view', 202, 'c5'),
	phone('2019-10-02 10:05:00', 'purchase', 202, 'c5', 30),
	phone('2019-10-03 10:00:00', 'view', 203, 'c6'),
	phone('2019-10-04 10:00:00', 'view', 204, 'c7'),
	phone('2019-11-25 10:00:00', 'purchase', 204, 'c8', 80),
	phone('2019-10-08 10:00:00', 'view', 205, 'c9'),
	phone('2019-10-15 10:00:00', 'view', 205, 'c10'),
	phone('2019-10-22 10:00:00', 'purchase', 205, 'c11', 20),
	phone('2019-10-09 10:00:00', 'view', 206, 'c12'),
	phone('2019-11-26 10:00:00', 'view', 207, 'c13')
];

const USER_WEEKS = [
	[201, '2019-09-30', 2, 0],
	[201, '2019-10-07', 1, 1],
	[201, '2019-10-14', 1, 0],
	[201, '2019-10-21', 1, 0],
	[202, '2019-09-30', 2, 1],
	[203, '2019-09-30', 1, 0],
	[203, '2019-10-14', 1, 0],
	[204, '2019-09-30', 1, 0],
	[204, '2019-11-25', 1, 1],
	[205, '2019-10-07', 1, 0],
	[205, '2019-10-14', 1, 0],
	[205, '2019-10-21', 1, 1],
	[206, '2019-10-07', 1, 0],
	[207, '2019-11-25', 1, 0]
];
const FIRST_WEEK: Record<number, string> = { 201: '2019-09-30', 202: '2019-09-30', 203: '2019-09-30', 204: '2019-09-30', 205: '2019-10-07', 206: '2019-10-07', 207: '2019-11-25' };

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
}, HOOK_TIMEOUT);
afterAll(() => db.close());

describe('the user_weeks fact table', () => {
	it('has one row per user and ISO week with an event, with the user’s first week, in one pass or three', async () => {
		const expected = USER_WEEKS.map(([user_id, week, events, purchases]) => ({
			user_id, week, first_week: FIRST_WEEK[user_id as number], events, purchases
		}));
		for (const partitions of [1, 3]) {
			await buildStore(db, EVENTS, { partitions });
			expect(await objects(db, `SELECT * FROM user_weeks ORDER BY user_id, week`), `${partitions} passes`).toEqual(expected);
		}
	}, HOOK_TIMEOUT);
});

describe('cohort retention', () => {
	beforeAll(async () => {
		await buildStore(db, EVENTS);
		await db.exec(`CREATE TABLE cohort_retention AS ${cohortRetentionSql()}`);
	}, HOOK_TIMEOUT);

	it('gives each cohort’s weeks 0–8 that the data reaches, with any-event and purchase retention', async () => {
		const rows = await objects(db, cohortRetentionSql());
		const row = (cohort_week: string, week_number: number, cohort_users: number, active_users: number, active_pct: number, buyers: number, buyer_pct: number) => ({
			cohort_week, week_number, cohort_users, active_users, active_pct, buyers, buyer_pct
		});
		expect(rows).toEqual([
			// 30 Sep: 201–204. Week 1: 201's purchase after midnight; week 2: 201 and 203 in one session.
			row('2019-09-30', 0, 4, 4, 100, 1, 25),
			row('2019-09-30', 1, 4, 1, 25, 1, 25),
			row('2019-09-30', 2, 4, 2, 50, 0, 0),
			row('2019-09-30', 3, 4, 1, 25, 0, 0),
			row('2019-09-30', 4, 4, 0, 0, 0, 0),
			row('2019-09-30', 5, 4, 0, 0, 0, 0),
			row('2019-09-30', 6, 4, 0, 0, 0, 0),
			row('2019-09-30', 7, 4, 0, 0, 0, 0),
			row('2019-09-30', 8, 4, 1, 25, 1, 25),
			// 7 Oct: 205, 206; week 8 (2 Dec) is past the data.
			row('2019-10-07', 0, 2, 2, 100, 0, 0),
			row('2019-10-07', 1, 2, 1, 50, 0, 0),
			row('2019-10-07', 2, 2, 1, 50, 1, 50),
			row('2019-10-07', 3, 2, 0, 0, 0, 0),
			row('2019-10-07', 4, 2, 0, 0, 0, 0),
			row('2019-10-07', 5, 2, 0, 0, 0, 0),
			row('2019-10-07', 6, 2, 0, 0, 0, 0),
			row('2019-10-07', 7, 2, 0, 0, 0, 0),
			row('2019-11-25', 0, 1, 1, 100, 0, 0)
		]);
	});

	it('averages week n over the cohorts that reach it, weighted by cohort size', async () => {
		// Weeks 1–7: cohorts of 30 Sep and 7 Oct, 6 users; week 8: 30 Sep only, 4 users.
		const rows = await objects(db, cohortCurveSql());
		const curve = (activity: string) => rows.filter((r) => r.activity === activity).map((r) => [r.week_number, r.cohort_users, r.retained_users, r.retained_pct]);
		expect(curve('any event')).toEqual([
			[0, 7, 7, 100],
			[1, 6, 2, 33.33],
			[2, 6, 3, 50],
			[3, 6, 1, 16.67],
			[4, 6, 0, 0],
			[5, 6, 0, 0],
			[6, 6, 0, 0],
			[7, 6, 0, 0],
			[8, 4, 1, 25]
		]);
		expect(curve('purchase')).toEqual([
			[0, 7, 1, 14.29],
			[1, 6, 1, 16.67],
			[2, 6, 1, 16.67],
			[3, 6, 0, 0],
			[4, 6, 0, 0],
			[5, 6, 0, 0],
			[6, 6, 0, 0],
			[7, 6, 0, 0],
			[8, 4, 1, 25]
		]);
	});

	it('counts users with exactly one session per cohort and overall', async () => {
		// One session: 202 (30 Sep), 206 (7 Oct), 207 (25 Nov); 203 is in two sessions.
		expect(await objects(db, cohortOneSessionSql())).toEqual([
			{ cohort: '2019-09-30', users: 4, one_session_users: 1, one_session_pct: 25 },
			{ cohort: '2019-10-07', users: 2, one_session_users: 1, one_session_pct: 50 },
			{ cohort: '2019-11-25', users: 1, one_session_users: 1, one_session_pct: 100 },
			{ cohort: 'all', users: 7, one_session_users: 3, one_session_pct: 42.86 }
		]);
	});
});

describe('cohortSection', () => {
	beforeAll(async () => {
		await buildStore(db, EVENTS);
	}, HOOK_TIMEOUT);

	it('parses strictly and runs every cell in order, charts on existing columns', async () => {
		const run = await runSection(db, cohortSection());
		expect([...run.tables.keys()]).toEqual(['cohort_retention', 'cohort_curve', 'cohort_one_session']);
		expect(run.charts).toEqual(['cohort_active_chart', 'cohort_purchase_chart', 'cohort_curve_chart']);
		expect(run.tables.get('cohort_retention')!.rowCount).toBe(18);
	});

	it('states the cohort, retention and never-return definitions', () => {
		const text = cohortSection();
		expect(text.startsWith('## 7. Cohort retention\n')).toBe(true);
		for (const term of ['ISO week (starting Monday', 'weeks\n0 to 8', 'exactly one session']) expect(text).toContain(term);
	});
});
