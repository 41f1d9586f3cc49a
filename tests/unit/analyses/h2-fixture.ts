// Builds the optimised store from a hand-made event log with the real pipeline, for the
// temporal, RFM and cohort tests (helper h2's own; other analyses have their own kits).
import { appendEventsSql, buildStorePlan } from '../../../src/lib/store';
import { rawEvents, resetDatabase, runSteps } from '../store/store-kit';
import type { WasmTestClient } from '../support/wasm-client';

/** One raw event: time (UTC), type, product, category_id, category_code, brand, price, user, session. */
export type RawEvent = [
	time: string,
	type: 'view' | 'cart' | 'remove_from_cart' | 'purchase',
	product: number,
	category: string | null,
	code: string | null,
	brand: string | null,
	price: number,
	user: number | null,
	session: string | null
];

export const PHONES = '2053013555631882655';
export const LIGHTS = '2232732093077520756';
export const PHONE = 1003461;
export const LIGHT = 26300093;

/** A smartphone event (category PHONES). */
export const phone = (time: string, type: RawEvent[1], user: number | null, session: string | null, price = 100): RawEvent => [
	time,
	type,
	PHONE,
	PHONES,
	'electronics.smartphone',
	'xiaomi',
	price,
	user,
	session
];

/** A light event (category LIGHTS). */
export const light = (time: string, type: RawEvent[1], user: number | null, session: string | null, price = 50): RawEvent => [
	time,
	type,
	LIGHT,
	LIGHTS,
	'construction.tools.light',
	'lucente',
	price,
	user,
	session
];

/** Drops everything, appends `events` as one batch and builds every fact table. */
export async function buildStore(db: WasmTestClient, events: readonly RawEvent[], options: { partitions?: number } = {}): Promise<void> {
	await resetDatabase(db);
	await db.exec(`DROP SCHEMA IF EXISTS nb CASCADE`);
	await runSteps(db, appendEventsSql(rawEvents(events)));
	await runSteps(db, buildStorePlan({ rows: events.length, months: ['2019-10', '2019-11'], minPairBaskets: 1, ...options }));
}
