import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEventsSql, buildStorePlan, featureCutsSql } from '../../../src/lib/store';
import { upgradeStore } from '../../../src/lib/ingest/upgrade-store';
import { WasmTestClient } from '../support/wasm-client';
import { A, B, NOVEMBER, OCTOBER, objects, rawEvents, resetDatabase, runSteps, scalar } from './store-kit';

const MONTHS = ['2019-10', '2019-11'];
const DAY = 1440; // minutes

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
});
afterAll(() => db.close());

async function build(partitions: number) {
	await resetDatabase(db);
	await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
	await runSteps(db, appendEventsSql(rawEvents(NOVEMBER)));
	await runSteps(db, buildStorePlan({ rows: 14, months: MONTHS, partitions }));
}

const FEATURES = `SELECT * EXCLUDE (days_since_last_event, days_since_last_purchase, days_since_first_seen),
  round(days_since_last_event * ${DAY}) AS last_event_min, round(days_since_last_purchase * ${DAY}) AS last_purchase_min,
  round(days_since_first_seen * ${DAY}) AS first_seen_min
FROM user_features`;

// A buys a phone on 5 Oct 10:05 and an unbranded phone on 3 Nov; B views an apple at 23:58 on
// 31 Oct and buys in the same session after midnight; C's only day is 10 Nov.
const A_ACTIVITY = { user_id: A, active_days: 1, views: 1, carts: 2, removes: 0, purchases: 1, spend: 489.07, sessions: 1, cart_abandonments: 0, orders: 1, categories: 1, brands: 1, avg_viewed_price: 489.07, smartphone_share: 1, next_purchase_day: '2019-11-03', rfm_r: 1, rfm_f: 1, rfm_m: 1 };

describe('user_features: the propensity features as of each cut, counted once', () => {
	beforeAll(() => build(1), 120_000);

	it('cuts on the 1st and 16th of each month after the first day and up to the day after the last (data from 5 Oct to 10 Nov)', async () => {
		expect((await objects(db, `${featureCutsSql('main')} ORDER BY cut`)).map((r) => r.cut)).toEqual(['2019-10-16', '2019-11-01']);
		// Data ending on 15 Nov has a cut on the 16th, to score every user as of its end.
		await db.exec(`INSERT INTO user_days SELECT * REPLACE (DATE '2019-11-15' AS day) FROM user_days WHERE day = DATE '2019-11-10'`);
		expect((await objects(db, `${featureCutsSql('main')} ORDER BY cut`)).map((r) => r.cut)).toEqual(['2019-10-16', '2019-11-01', '2019-11-16']);
		await db.exec(`DELETE FROM user_days WHERE day = DATE '2019-11-15'`);
	});

	it('one row per cut and user with an event before it, in (cut, user_id) order, counted by hand', async () => {
		expect(await objects(db, FEATURES)).toEqual([
			// 16 Oct: only A is seen. 10 days 13 h 55 min since the purchase, 10 d 14 h since the first view.
			{ cut: '2019-10-16', ...A_ACTIVITY, last_event_min: 10 * DAY + 835, last_purchase_min: 10 * DAY + 835, first_seen_min: 10 * DAY + 840 },
			{ cut: '2019-11-01', ...A_ACTIVITY, last_event_min: 26 * DAY + 835, last_purchase_min: 26 * DAY + 835, first_seen_min: 26 * DAY + 840 },
			// B's view 2 minutes before the cut; the session it started buys after midnight, so it
			// counts as an order (sessions are not split at the cut), and B's next purchase day is the cut.
			{
				cut: '2019-11-01', user_id: B, active_days: 1, views: 1, carts: 0, removes: 0, purchases: 0, spend: 0, sessions: 1,
				cart_abandonments: 0, orders: 1, categories: 1, brands: 1, avg_viewed_price: 171.9, smartphone_share: 0,
				next_purchase_day: '2019-11-01', rfm_r: null, rfm_f: null, rfm_m: null, last_event_min: 2, last_purchase_min: null, first_seen_min: 2
			}
		]);
	});

	it('give the same rows in three passes as in one', async () => {
		await db.exec(`CREATE OR REPLACE TABLE one_pass AS SELECT * FROM user_features`);
		await runSteps(db, buildStorePlan({ rows: 14, months: MONTHS, partitions: 3 }));
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM one_pass EXCEPT ALL SELECT * FROM user_features)`)).toBe(0);
		expect(await scalar(db, `SELECT count(*) FROM (SELECT * FROM user_features EXCEPT ALL SELECT * FROM one_pass)`)).toBe(0);
		expect(await scalar(db, `SELECT count(*) FROM user_features`)).toBe(3);
		// A and B fall in different passes; a scan of the cut still gives them in user_id order.
		expect(await scalar(db, `SELECT store_feature_bounds FROM (SELECT getvariable('store_feature_bounds') AS store_feature_bounds)`)).toEqual([A, B]);
		expect((await objects(db, `SELECT user_id FROM user_features WHERE cut = DATE '2019-11-01'`)).map((r) => r.user_id)).toEqual([A, B]);
	});

	it('is added to a finished store built without it, in the passes the store was built with', async () => {
		await db.exec(`CREATE OR REPLACE TABLE one_pass AS SELECT * FROM user_features; DROP TABLE user_features; UPDATE store_build SET partitions = 2`);
		expect(await upgradeStore(db)).toEqual(['user_features 1/2', 'user_features 2/2', 'user_features rfm']);
		expect(await objects(db, `SELECT * FROM user_features`)).toEqual(await objects(db, `SELECT * FROM one_pass`));
	});

	it('an empty store has no cuts and no rows', async () => {
		await resetDatabase(db);
		await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
		await db.exec(`DELETE FROM events`);
		await runSteps(db, buildStorePlan({ rows: 0, months: [] }));
		expect(await scalar(db, `SELECT count(*) FROM user_features`)).toBe(0);
	});
});
