import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutDateSql, modelCutsSql, PROPENSITY_FEATURES, propensityFeaturesSql } from '../../../src/lib/analyses/propensity/propensity-features-sql';
import { objects } from '../store/store-kit';
import { WasmTestClient } from '../support/wasm-client';
import { bindVariables } from '../../../src/lib/runtime/bind-variables';
import { buildStore, light, phone, type RawEvent } from './h2-fixture';

const HOOK_TIMEOUT = 120_000;

// 201 buys a phone on 2 Oct and again on 5 Nov, and views a light on 10 Oct.
// 202 arrives on 20 Oct and abandons a cart.
// 203 views a light on 5 Oct and buys one on 25 Oct.
const EVENTS: RawEvent[] = [
	phone('2019-10-02 12:00:00', 'view', 201, 's1', 100),
	phone('2019-10-02 12:00:00', 'cart', 201, 's1', 100),
	phone('2019-10-02 12:00:00', 'purchase', 201, 's1', 100),
	light('2019-10-10 12:00:00', 'view', 201, 's2', 50),
	phone('2019-11-05 12:00:00', 'purchase', 201, 's3', 100),
	phone('2019-10-20 08:00:00', 'view', 202, 's4', 300),
	phone('2019-10-20 08:05:00', 'cart', 202, 's4', 300),
	light('2019-10-05 06:00:00', 'view', 203, 's5', 50),
	light('2019-10-25 18:00:00', 'purchase', 203, 's6', 50)
];

const window = (cut: string, end: string) => ({ cut: `DATE '${cut}'`, end: `DATE '${end}'` });

let db: WasmTestClient;
beforeAll(async () => {
	db = await WasmTestClient.open();
	await buildStore(db, EVENTS);
}, HOOK_TIMEOUT);
afterAll(() => db.close());

describe('propensity features', () => {
	it('describe each user by what they did before the cut, labelled by a purchase from the cut to the end', async () => {
		const rows = await objects(db, propensityFeaturesSql(window('2019-11-01', '2019-12-01')));
		expect(rows).toEqual([
			{
				user_id: 201, label: 1,
				// last event 10 Oct 12:00, last purchase and first event 2 Oct 12:00
				days_since_last_event: 21.5, days_since_last_purchase: 29.5, days_since_first_seen: 29.5,
				sessions: 2, active_days: 2, views: 2, carts: 1, removes: 0, purchases: 1, spend: 100,
				cart_abandonments: 0, categories: 2, brands: 2, avg_viewed_price: 75, smartphone_share: 0.75,
				// two buyers: R puts 201 (longer ago) first, F and M put 203 (less spend) first
				rfm_score: 1 + 2 + 2, rfm_segment: 'Hibernating'
			},
			{
				user_id: 202, label: 0,
				days_since_last_event: 11 + 16 / 24 - 5 / 1440 /* 20 Oct 08:05 */, days_since_last_purchase: null, days_since_first_seen: 11 + 16 / 24,
				sessions: 1, active_days: 1, views: 1, carts: 1, removes: 0, purchases: 0, spend: 0,
				cart_abandonments: 1, categories: 1, brands: 1, avg_viewed_price: 300, smartphone_share: 1,
				rfm_score: 0, rfm_segment: 'No purchase yet'
			},
			{
				user_id: 203, label: 0,
				days_since_last_event: 6.25, days_since_last_purchase: 6.25, days_since_first_seen: 26.75,
				sessions: 2, active_days: 2, views: 1, carts: 0, removes: 0, purchases: 1, spend: 50,
				cart_abandonments: 0, categories: 1, brands: 1, avg_viewed_price: 50, smartphone_share: 0,
				rfm_score: 2 + 1 + 1, rfm_segment: 'Hibernating'
			}
		].map((r) => expect.objectContaining({ ...r, days_since_last_event: expect.closeTo(r.days_since_last_event, 9), days_since_first_seen: expect.closeTo(r.days_since_first_seen, 9) })));
	});

	it('leave out users with no event before the cut, and read no event after the cut into a feature', async () => {
		const rows = await objects(db, propensityFeaturesSql(window('2019-10-16', '2019-11-01')));
		// 202 first appears on 20 Oct; 203's purchase on 25 Oct is its label, not a feature.
		expect(rows.map((r) => [r.user_id, r.label, r.purchases, r.spend])).toEqual([
			[201, 0, 1, 100],
			[203, 1, 0, 0]
		]);
	});

	it('yield the listed features after user_id and label, then the segment', async () => {
		const rows = await objects(db, `${propensityFeaturesSql(window('2019-11-01', '2019-12-01'))} LIMIT 1`);
		expect(Object.keys(rows[0])).toEqual(['user_id', 'label', ...PROPENSITY_FEATURES, 'rfm_segment']);
	});

	it('read only the store\'s cuts: another day has no rows', async () => {
		expect(await objects(db, propensityFeaturesSql(window('2019-10-20', '2019-11-01')))).toEqual([]);
	});
});

describe('model cuts', () => {
	it('list each cut as a search choice, with its users and how many bought from it on', async () => {
		expect(await objects(db, modelCutsSql())).toEqual([
			// 16 Oct: 201 and 203 seen; 201 buys on 5 Nov, 203 on 25 Oct.
			{ value: '2019-10-16', label: '2019-10-16 · 2 users, 2 bought later' },
			// 1 Nov: 202 too; only 201 buys after it.
			{ value: '2019-11-01', label: '2019-11-01 · 3 users, 1 bought later' }
		]);
	});

	it('a cleared cut input means the first cut for training and the last for testing', async () => {
		const cut = (whenEmpty: 'first' | 'last') => bindVariables(cutDateSql('cut_input', whenEmpty), new Set(['cut_input']));
		await db.setVariable('cut_input', '');
		expect(await objects(db, `SELECT strftime(${cut('first')}, '%Y-%m-%d') AS first, strftime(${cut('last')}, '%Y-%m-%d') AS last`)).toEqual([
			{ first: '2019-10-16', last: '2019-11-01' }
		]);
		await db.setVariable('cut_input', '2019-11-01');
		expect(await objects(db, `SELECT strftime(${cut('first')}, '%Y-%m-%d') AS chosen`)).toEqual([{ chosen: '2019-11-01' }]);
		// A cut at the data's end has nobody buying after it: a cleared test cut skips it.
		await db.exec(`INSERT INTO user_features SELECT * REPLACE (DATE '2019-11-16' AS cut, NULL AS next_purchase_day) FROM user_features WHERE cut = DATE '2019-11-01'`);
		await db.setVariable('cut_input', '');
		expect(await objects(db, `SELECT strftime(${cut('last')}, '%Y-%m-%d') AS last`)).toEqual([{ last: '2019-11-01' }]);
		await db.exec(`DELETE FROM user_features WHERE cut = DATE '2019-11-16'`);
	});
});
