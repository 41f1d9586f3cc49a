// A hand-built October log for section 8 (market basket and brand loyalty), small enough that
// every count, support, confidence and lift below is worked out by hand.
import { appendEventsSql, buildStorePlan } from '../../../src/lib/store';
import type { WasmTestClient } from '../support/wasm-client';
import { rawEvents, resetDatabase, runSteps } from '../store/store-kit';

type Raw = [time: string, type: string, product: number, category: string, code: string | null, brand: string | null, price: number, user: number, session: string];

export const [U1, U2, U3, U4, U5] = [600000001, 600000002, 600000003, 600000004, 600000005];

/** The category codes of the log's baskets, as the counts below name them (S, H, C, T). */
export const S = 'electronics.smartphone';
export const H = 'electronics.audio.headphone';
export const C = 'electronics.accessories.phone_case';
export const T = 'electronics.video.tv';

const PHONES = '2053013555631882655';
const HEADPHONES = '2053013554658804075';
const CASES = '2053013561579406073';
const TVS = '2053013563810775923';
const NO_CODE = '2053013553375346967';

type Product = [id: number, category: string, code: string | null, brand: string | null, price: number];
const SAMSUNG_PHONE: Product = [101, PHONES, 'electronics.smartphone', 'samsung', 300];
const APPLE_PHONE: Product = [102, PHONES, 'electronics.smartphone', 'apple', 900];
const SAMSUNG_HEADPHONE: Product = [201, HEADPHONES, 'electronics.audio.headphone', 'samsung', 50];
const APPLE_HEADPHONE: Product = [202, HEADPHONES, 'electronics.audio.headphone', 'apple', 150];
const XIAOMI_CASE: Product = [302, CASES, 'electronics.accessories.phone_case', 'xiaomi', 10];
const LG_TV: Product = [401, TVS, 'electronics.video.tv', 'lg', 400];
const UNLABELLED: Product = [501, NO_CODE, null, null, 20];

const ev = (session: string, user: number, time: string, type: string, [id, category, code, brand, price]: Product): Raw => [
	`2019-10-${time}`, type, id, category, code, brand, price, user, session
];

/*
 * Purchase sessions (S = smartphone, H = headphone, C = phone case, T = tv; brand in brackets):
 *   s1 U1 10-01  101 S[samsung] 10:00:00, 201 H[samsung] 10:05:00        (a view before)
 *   s2 U1 10-08  101 S[samsung] 12:00, 201 H[samsung] 12:01 (row duplicated), 302 C[xiaomi] 12:02
 *   s3 U2 10-02  102 S[apple] 09:00, 302 C[xiaomi] 09:03
 *   s4 U3 10-03  401 T[lg] 15:00, 202 H[apple] 15:02
 *   s5 U3 10-20  102 S[apple] 11:00                                        (view and cart before)
 *   s6 U4 10-04  501 (no category code, no brand) 08:00
 *   s7 U3 10-25  202 H[apple] 18:00
 *   s8 U5 10-05  a view only: no basket.
 *
 * Category codes, session baskets: s6 has no code, so N = 6 (s1-s5, s7), holding 2, 3, 2, 2, 1, 1
 *   codes: 4 with two or more, 11/6 = 1.83 on average.
 *   baskets(S) = {s1,s2,s3,s5} = 4, baskets(H) = {s1,s2,s4,s7} = 4, baskets(C) = {s2,s3} = 2, baskets(T) = 1.
 *   S+H: {s1,s2} = 2 → support 2/6, conf(H→S) = 2/4, conf(S→H) = 2/4, lift = 2·6/(4·4) = 0.75.
 *   C+S: {s2,s3} = 2 → support 2/6, conf(C→S) = 2/2, conf(S→C) = 2/4, lift = 2·6/(2·4) = 1.5.
 *   C+H: {s2} = 1 → lift 1·6/(2·4) = 0.75;  H+T: {s4} = 1 → lift 1·6/(4·1) = 1.5.
 *   Capped at 2 items, s2 (3 codes) leaves: N = 5 (8 codes, 1.6 a basket, 3 with two), S = {s1,s3,s5} = 3, H = {s1,s4,s7} = 3,
 *   C = {s3} = 1, T = 1; S+H = {s1} → 1·5/(3·3) = 5/9; C+S = {s3} → 5/(1·3) = 5/3; H+T = {s4} → 5/(3·1) = 5/3.
 * Category codes, user baskets: U1 {S,H,C}, U2 {S,C}, U3 {T,H,S}; U4 none; N = 3.
 *   S = 3, H = 2, C = 2, T = 1. S+H = 2 → 2·3/(3·2) = 1; C+S = 2 → 1; C+H = 1 → 1·3/(2·2) = 0.75;
 *   H+T = 1 → 1·3/(2·1) = 1.5; S+T = 1 → 1·3/(3·1) = 1.
 * Brands, session baskets: s1 {samsung}, s2 {samsung, xiaomi}, s3 {apple, xiaomi}, s4 {apple, lg},
 *   s5 {apple}, s7 {apple}; N = 6. apple = 4, samsung = 2, xiaomi = 2, lg = 1; every pair is in
 *   one basket: apple+lg 1·6/(4·1) = 1.5, apple+xiaomi 6/(4·2) = 0.75, samsung+xiaomi 6/(2·2) = 1.5.
 * Products, session baskets (from purchase_pairs, kept at ≥ 2 baskets): N = 7 (s6 included);
 *   101+201 in {s1,s2}, 101 and 201 in 2 each → support 2/7, confidences 1, lift 2·7/(2·2) = 3.5.
 *   Every other product pair is in one basket; user baskets have no pair in 2 baskets.
 *
 * Brand loyalty (accessories here: H and C, all branded): all accessories = 6 rows
 *   (s1 201, s2 201, s2 302, s3 302, s4 202, s7 202): samsung 2, xiaomi 2, apple 2 → expected 1/3 each.
 *   U1 samsung phone from 10-01 10:00: later s1 201, s2 201, s2 302 → 3 later, 2 same brand.
 *   U2 apple phone from 10-02 09:00: later s3 302 → 1 later, 0 same.
 *   U3 apple phone from 10-20 11:00: s4 202 (10-03) is before; s7 202 → 1 later, 1 same.
 *   samsung: 1 buyer, 1 with accessories, 3 later, 2 same → observed 2/3, lift (2/3)/(1/3) = 2.
 *   apple: 2 buyers, 2 with accessories, 2 later, 1 same → observed 1/2, lift 1.5.
 *   Overall: 5 later, 3 same → 3/5; expected (3·2 + 2·2)/(5·6) = 1/3; lift 9/5 = 1.8.
 */
export const BASKET_EVENTS: Raw[] = [
	ev('s1', U1, '01 09:58:00', 'view', SAMSUNG_PHONE),
	ev('s1', U1, '01 10:00:00', 'purchase', SAMSUNG_PHONE),
	ev('s1', U1, '01 10:05:00', 'purchase', SAMSUNG_HEADPHONE),
	ev('s2', U1, '08 12:00:00', 'purchase', SAMSUNG_PHONE),
	ev('s2', U1, '08 12:01:00', 'purchase', SAMSUNG_HEADPHONE),
	ev('s2', U1, '08 12:01:00', 'purchase', SAMSUNG_HEADPHONE),
	ev('s2', U1, '08 12:02:00', 'purchase', XIAOMI_CASE),
	ev('s3', U2, '02 09:00:00', 'purchase', APPLE_PHONE),
	ev('s3', U2, '02 09:03:00', 'purchase', XIAOMI_CASE),
	ev('s4', U3, '03 15:00:00', 'purchase', LG_TV),
	ev('s4', U3, '03 15:02:00', 'purchase', APPLE_HEADPHONE),
	ev('s5', U3, '20 10:55:00', 'view', APPLE_PHONE),
	ev('s5', U3, '20 10:58:00', 'cart', APPLE_PHONE),
	ev('s5', U3, '20 11:00:00', 'purchase', APPLE_PHONE),
	ev('s6', U4, '04 08:00:00', 'purchase', UNLABELLED),
	ev('s7', U3, '25 18:00:00', 'purchase', APPLE_HEADPHONE),
	ev('s8', U5, '05 20:00:00', 'view', SAMSUNG_PHONE)
];

/** Loads BASKET_EVENTS into a fresh store (events and every fact table, product pairs kept at
 *  ≥ 2 baskets, label baskets capped at `maxBasketItems`, 100 by default). */
export async function buildBasketStore(db: WasmTestClient, options: { maxBasketItems?: number } = {}): Promise<void> {
	await resetDatabase(db);
	await runSteps(db, appendEventsSql(rawEvents(BASKET_EVENTS)));
	await runSteps(db, buildStorePlan({ rows: BASKET_EVENTS.length, months: ['2019-10'], ...options }));
}

/** Runs `sql` as the named cell `name` would: a table of that name. */
export async function materialise(db: WasmTestClient, name: string, sql: string): Promise<void> {
	await db.exec(`CREATE OR REPLACE TABLE ${name} AS (\n${sql}\n)`);
}
