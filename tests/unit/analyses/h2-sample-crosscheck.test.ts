// Sections 5–7 on the committed sample, against independent plain SQL over the raw CSV rows
// (no fact tables: distinct users, sessions and weeks straight from the events).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortOneSessionSql, cohortRetentionSql } from '../../../src/lib/analyses/cohort';
import { rfmBuyersSql, rfmScoresSql, rfmSegmentSummarySql } from '../../../src/lib/analyses/rfm';
import { categoryBreadthSql, paydaySql, purchasesByHourSql, temporalHeatmapSql } from '../../../src/lib/analyses/temporal';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import { appendEventsSql, buildStorePlan } from '../../../src/lib/store';
import { objects, runSteps } from '../store/store-kit';
import { WasmTestClient } from '../support/wasm-client';

const FILES = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await db.exec(`CREATE TABLE raw AS SELECT * FROM ${readEventsCsv(FILES)}`);
	for (const file of FILES) await runSteps(db, appendEventsSql(readEventsCsv(file)));
	await runSteps(db, buildStorePlan({ rows: 325_431, months: ['2019-10', '2019-11'] }));
	await db.exec(`CREATE TABLE rfm_scores AS ${rfmScoresSql()}`);
	await db.exec(`CREATE VIEW rfm_buyers AS ${rfmBuyersSql()}`);
}, 180_000);
afterAll(() => db.close());

const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('on the committed sample, against plain SQL on the raw rows', () => {
	it('RFM: every buyer’s recency, frequency, monetary and scores', async () => {
		const independent = `WITH reference AS (SELECT max(event_time) + INTERVAL 1 DAY AS t FROM raw),
		b AS (
			SELECT user_id, date_diff('day', max(event_time), any_value(reference.t)) AS recency_days,
				count(DISTINCT user_session) AS frequency, sum(CAST(price AS DECIMAL(9,2))) AS monetary
			FROM raw, reference WHERE event_type = 'purchase' GROUP BY user_id
		)
		SELECT user_id::INTEGER AS user_id, recency_days, frequency, monetary,
			NTILE(5) OVER (ORDER BY recency_days DESC, user_id) AS r,
			NTILE(5) OVER (ORDER BY frequency, monetary, user_id) AS f,
			NTILE(5) OVER (ORDER BY monetary, user_id) AS m
		FROM b ORDER BY user_id`;
		const mine = await objects(db, `SELECT user_id, recency_days, frequency, monetary, r, f, m FROM rfm_scores ORDER BY user_id`);
		expect(mine.length).toBeGreaterThan(2000);
		expect(mine).toEqual(await objects(db, independent));
	}, 60_000);

	it('RFM: segment sizes add up to the buyers', async () => {
		const rows = await objects(db, rfmSegmentSummarySql());
		expect(rows.reduce((n, r) => n + Number(r.users), 0)).toBe(
			Number((await objects(db, `SELECT count(DISTINCT user_id) AS n FROM raw WHERE event_type = 'purchase'`))[0].n)
		);
	});

	it('cohorts: users active and buying in each week 0–8 that the data reaches', async () => {
		const independent = `WITH first AS (SELECT user_id, date_trunc('week', min(event_time)) AS cohort FROM raw GROUP BY user_id),
		weeks AS (
			SELECT DISTINCT r.user_id, f.cohort, date_diff('day', f.cohort, date_trunc('week', r.event_time)) // 7 AS week_number,
				bool_or(r.event_type = 'purchase') OVER (PARTITION BY r.user_id, date_trunc('week', r.event_time)) AS bought
			FROM raw AS r JOIN first AS f USING (user_id)
		)
		SELECT strftime(cohort, '%Y-%m-%d') AS cohort, week_number, count(*) AS active_users, count(*) FILTER (WHERE bought) AS buyers
		FROM weeks
		WHERE week_number <= 8 AND cohort + INTERVAL (7 * week_number) DAY <= (SELECT max(date_trunc('week', event_time)) FROM raw)
		GROUP BY ALL`;
		const mine = await objects(db, `SELECT strftime(cohort_week, '%Y-%m-%d') AS cohort, week_number, active_users, buyers FROM (${cohortRetentionSql()}) WHERE active_users > 0`);
		expect(sorted(mine)).toEqual(sorted(await objects(db, independent)));
		const week1 = mine.filter((r) => r.week_number === 1).reduce((n, r) => n + Number(r.active_users), 0);
		expect(week1).toBeGreaterThan(0);
	}, 60_000);

	it('cohorts: users with exactly one session', async () => {
		const independent = `SELECT strftime(date_trunc('week', min(event_time)), '%Y-%m-%d') AS cohort, count(DISTINCT user_session) = 1 AS one
			FROM raw GROUP BY user_id`;
		const rows = await objects(db, `SELECT cohort, count(*) AS users, count(*) FILTER (WHERE one) AS one_session_users FROM (${independent}) GROUP BY ALL`);
		const mine = await objects(db, `SELECT cohort, users, one_session_users FROM (${cohortOneSessionSql()}) WHERE cohort <> 'all'`);
		expect(sorted(mine)).toEqual(sorted(rows));
	});

	it('temporal: events and user-hour conversion per weekday and hour, at UTC+3', async () => {
		const independent = `SELECT isodow(t) AS weekday, hour(t) AS hour, count(*) AS events,
				count(DISTINCT (user_id, date_trunc('hour', t))) AS user_hours,
				count(DISTINCT (user_id, date_trunc('hour', t))) FILTER (WHERE event_type = 'purchase') AS buyer_hours
			FROM (SELECT event_time + INTERVAL 3 HOUR AS t, user_id, event_type FROM raw) GROUP BY ALL`;
		const mine = await objects(db, `SELECT weekday, hour, events, user_hours, buyer_hours FROM (${temporalHeatmapSql({ tzOffsetHours: '3' })}) WHERE events > 0`);
		expect(sorted(mine)).toEqual(sorted(await objects(db, independent)));
		const byHour = await objects(db, `SELECT hour, purchases FROM (${purchasesByHourSql({ tzOffsetHours: '3' })}) WHERE purchases > 0`);
		expect(sorted(byHour)).toEqual(
			sorted(await objects(db, `SELECT hour(event_time + INTERVAL 3 HOUR) AS hour, count(*) AS purchases FROM raw WHERE event_type = 'purchase' GROUP BY ALL`))
		);
	}, 60_000);

	it('temporal: payday and other-day averages', async () => {
		const independent = `WITH days AS (SELECT CAST(unnest(generate_series(min(event_time)::DATE::TIMESTAMP, max(event_time)::DATE::TIMESTAMP, INTERVAL 1 DAY)) AS DATE) AS day FROM raw),
			groups AS (SELECT day, day(day) IN (1, 15) OR day = last_day(day) AS payday FROM days)
			SELECT CASE WHEN payday THEN 'payday' ELSE 'other day' END AS day_type, count(*) AS days,
				round((SELECT count(*) FROM raw WHERE (day(event_time) IN (1, 15) OR event_time::DATE = last_day(event_time)) = payday) / count(*), 1) AS avg_events
			FROM groups GROUP BY payday`;
		const mine = await objects(db, `SELECT day_type, days, avg_events FROM (${paydaySql()})`);
		expect(sorted(mine)).toEqual(sorted(await objects(db, independent)));
	});

	it('temporal: sessions on one and on several categories per month', async () => {
		const independent = `SELECT month, breadth, count(*) AS sessions FROM (
				SELECT CAST(date_trunc('month', min(event_time)) AS DATE) AS month,
					CASE WHEN count(DISTINCT category_id) = 1 THEN 'one category' WHEN count(DISTINCT category_id) > 1 THEN 'several categories' ELSE 'no category' END AS breadth
				FROM raw WHERE user_session IS NOT NULL GROUP BY user_session
			) GROUP BY ALL`;
		const mine = await objects(db, `SELECT month, breadth, sessions FROM (${categoryBreadthSql()})`);
		expect(sorted(mine)).toEqual(sorted(await objects(db, independent)));
	});
});
