// The hand-built event log shared by the overview, explorer and funnel tests, and the store
// built from it with the real pipeline (appendEventsSql per month file, then buildStorePlan).
// Every expected number in those tests is worked out by hand from the rows below.
import { appendEventsSql, buildStorePlan } from '../../../src/lib/store';
import type { WasmTestClient } from '../support/wasm-client';
import { rawEvents, resetDatabase, runSteps } from '../store/store-kit';

type Raw = [time: string, type: string, product: number, category: string, code: string | null, brand: string | null, price: number, user: number, session: string];

export const [U1, U2, U3, U4] = [101, 102, 103, 104];
const [S1, S2, S3, S4, S5, S6] = ['s-one', 's-two', 's-three', 's-four', 's-five', 's-six'];

const PHONES = '2053013555631882655';
const AUDIO = '2053013554658804075';
const NO_CODE = '2053013553375346967';
const BAGS = '2053013563810775923';

// Products: P1 samsung phone 200.00, P2 sony headphones 50.00, P3 no category_code and no
// brand 10.00, P4 apple phone 1000.00, P5 a bag without brand at price 0.00 (a free gift).
const p1 = (t: string, type: string, u: number, s: string): Raw => [t, type, 1001, PHONES, 'electronics.smartphone', 'samsung', 200, u, s];
const p2 = (t: string, type: string, u: number, s: string): Raw => [t, type, 1002, AUDIO, 'electronics.audio.headphone', 'sony', 50, u, s];
const p3 = (t: string, type: string, u: number, s: string): Raw => [t, type, 1003, NO_CODE, null, null, 10, u, s];
const p4 = (t: string, type: string, u: number, s: string): Raw => [t, type, 1004, PHONES, 'electronics.smartphone', 'apple', 1000, u, s];
const p5 = (t: string, type: string, u: number, s: string): Raw => [t, type, 1005, BAGS, 'accessories.bag', null, 0, u, s];

/**
 * October, 12 rows (numbered as in the hand computations of the tests):
 *  1-5   U1 in S1: views P1, carts it, buys it (row 4 repeats row 3 exactly), views the free P5.
 *  6-9   U2 in S2: views P2, views P3 twice (row 8 repeats row 7 exactly), buys P3 without a cart.
 *  10-12 S3 is shared: U3 views P2, then U4 views and carts P2 in the same session.
 */
export const OCTOBER: Raw[] = [
	p1('2019-10-01 09:00:00', 'view', U1, S1),
	p1('2019-10-01 09:01:00', 'cart', U1, S1),
	p1('2019-10-01 09:02:00', 'purchase', U1, S1),
	p1('2019-10-01 09:02:00', 'purchase', U1, S1),
	p5('2019-10-01 09:03:00', 'view', U1, S1),
	p2('2019-10-02 12:00:00', 'view', U2, S2),
	p3('2019-10-02 12:05:00', 'view', U2, S2),
	p3('2019-10-02 12:05:00', 'view', U2, S2),
	p3('2019-10-02 12:10:00', 'purchase', U2, S2),
	p2('2019-10-15 20:00:00', 'view', U3, S3),
	p2('2019-10-15 20:01:00', 'view', U4, S3),
	p2('2019-10-15 20:02:00', 'cart', U4, S3)
];

/**
 * November, 10 rows:
 *  13-15 U1 in S4: views, carts and removes P4; no purchase.
 *  16-19 U2 in S5: views, carts and buys P2, and buys P1 in the same second without carting it.
 *  20-22 U3 in S6: views and buys P4 without a cart, views the free P5.
 */
export const NOVEMBER: Raw[] = [
	p4('2019-11-01 10:00:00', 'view', U1, S4),
	p4('2019-11-01 10:02:00', 'cart', U1, S4),
	p4('2019-11-01 10:03:00', 'remove_from_cart', U1, S4),
	p2('2019-11-02 08:00:00', 'view', U2, S5),
	p2('2019-11-02 08:01:00', 'cart', U2, S5),
	p2('2019-11-02 08:05:00', 'purchase', U2, S5),
	p1('2019-11-02 08:05:00', 'purchase', U2, S5),
	p4('2019-11-20 15:00:00', 'view', U3, S6),
	p4('2019-11-20 15:30:00', 'purchase', U3, S6),
	p5('2019-11-20 15:31:00', 'view', U3, S6)
];

/** Rebuilds the store from the fixture (sessions get ids 1-6 in the order S1-S6). */
export async function buildFixtureStore(db: WasmTestClient): Promise<void> {
	await resetDatabase(db);
	await runSteps(db, appendEventsSql(rawEvents(OCTOBER)));
	await runSteps(db, appendEventsSql(rawEvents(NOVEMBER)));
	await runSteps(db, buildStorePlan({ rows: OCTOBER.length + NOVEMBER.length, months: ['2019-10', '2019-11'], minPairBaskets: 1 }));
}
