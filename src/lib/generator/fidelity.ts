// The fidelity report: each calibration target as a query over a built `events` table (plus a
// few over the generator's hidden tables, run before cleanup), and how to judge the result.

import { REAL } from './targets';

export type Check =
	| { kind: 'ratio'; target: number; tolerance: number } // |generated / target - 1| <= tolerance
	| { kind: 'exact'; target: number }
	| { kind: 'atMost'; target: number }
	| { kind: 'atLeast'; target: number }
	| { kind: 'range'; lo: number; hi: number }
	| { kind: 'sameSet'; target: string }
	| { kind: 'info'; target?: number | string };

export interface FidelityQuery {
	id: string;
	label: string;
	check: Check;
	/** Returns one row with one column `v` (a number, or text for `sameSet`). */
	sql: string;
	/** Reads the generator's gen_* tables: run it before the cleanup statements. */
	hidden?: boolean;
}

export interface FidelityResult {
	id: string;
	label: string;
	target: string;
	generated: string;
	deviation: string;
	ok: boolean | null;
}

const TOL = 0.15;
const NOV = `TIMESTAMP '2019-11-01'`;
const ratio = (target: number) => ({ kind: 'ratio', target, tolerance: TOL }) as const;

/** Share of rows with `cond` among rows with `base`. */
function share(table: string, cond: string, base = 'true'): string {
	return `SELECT avg(CASE WHEN ${cond} THEN 1.0 ELSE 0.0 END) AS v FROM ${table} WHERE ${base}`;
}

/** AUC of `score` for boolean `label` over relation `rel`, with ties averaged. */
export function aucSql(rel: string): string {
	return `WITH t AS (SELECT score, label FROM ${rel}),
r AS (SELECT label, rank() OVER (ORDER BY score) + (count(*) OVER (PARTITION BY score) - 1) / 2.0 AS rk FROM t),
n AS (SELECT count(*) FILTER (WHERE label) AS pos, count(*) FILTER (WHERE NOT label) AS neg FROM t)
SELECT (sum(rk) FILTER (WHERE label) - max(n.pos) * (max(n.pos) + 1) / 2.0) / (max(n.pos) * max(n.neg)) AS v FROM r, n`;
}

/** October behaviour → November purchase, per October user, with coarse observable features. */
function octFeatures(table: string): string {
	return `(SELECT o.user_id, o.r,
		CASE WHEN o.r <= 2 THEN 0 WHEN o.r <= 6 THEN 1 WHEN o.r <= 13 THEN 2 ELSE 3 END AS fr,
		CASE WHEN o.f = 1 THEN 0 WHEN o.f <= 3 THEN 1 WHEN o.f <= 5 THEN 2 ELSE 3 END AS ff,
		CASE WHEN o.c > 0 THEN 1 ELSE 0 END AS fc,
		CASE WHEN o.p = 0 THEN 0 WHEN o.p <= 2 THEN 1 ELSE 2 END AS fp,
		n.user_id IS NOT NULL AS label
	FROM (SELECT user_id, date_diff('day', max(event_time)::DATE, DATE '2019-11-01') - 1 AS r,
			count(DISTINCT user_session) AS f,
			count(*) FILTER (WHERE event_type = 'cart') AS c,
			count(*) FILTER (WHERE event_type = 'purchase') AS p
		FROM ${table} WHERE event_time < ${NOV} GROUP BY user_id) o
	LEFT JOIN (SELECT DISTINCT user_id FROM ${table} WHERE event_time >= ${NOV} AND event_type = 'purchase') n
		ON n.user_id = o.user_id)`;
}

function lookupAuc(table: string): string {
	return aucSql(`(SELECT avg(label::INTEGER) OVER (PARTITION BY fr, ff, fc, fp) AS score, label FROM ${octFeatures(table)})`);
}

/** Main effects only: per-feature log-odds added up (a naive-Bayes score). */
function additiveAuc(table: string): string {
	const lo = (f: string) => `ln((avg(label::INTEGER) OVER (PARTITION BY ${f}) + 1e-6) / (1 - avg(label::INTEGER) OVER (PARTITION BY ${f}) + 1e-6))`;
	return aucSql(`(SELECT ${['fr', 'ff', 'fc', 'fp'].map(lo).join(' + ')} AS score, label FROM ${octFeatures(table)})`);
}

/** Daily counts relative to the mean of the month's ordinary days. */
function dayRatio(table: string, day: number, type?: string): string {
	const filter = type ? `AND event_type = '${type}'` : '';
	return `WITH d AS (SELECT event_time::DATE AS d, count(*) AS n FROM ${table} WHERE event_time >= ${NOV} ${filter} GROUP BY 1),
base AS (SELECT avg(n) AS b FROM d WHERE day(d) NOT IN (14, 15, 16, 17, 29))
SELECT (SELECT n FROM d WHERE day(d) = ${day}) / b AS v FROM base`;
}

/**
 * Basket lift of an accessory category with an anchor category, as relative risk: the accessory's
 * rate in purchase sessions with the anchor over its rate in those without. (Plain lift
 * P(B|A)/P(B) is capped near 1/P(A), about 2 for phones, which are half of all baskets.)
 */
function basketLift(table: string, anchor: string, accessories: string[]): string {
	const acc = accessories.map((a) => `'${a}'`).join(', ');
	return `WITH b AS (
	SELECT user_session, bool_or(category_code = '${anchor}') AS has_anchor, bool_or(category_code IN (${acc})) AS has_acc
	FROM ${table} WHERE event_type = 'purchase' AND user_session IS NOT NULL GROUP BY 1)
SELECT avg(CASE WHEN has_acc THEN 1.0 ELSE 0.0 END) FILTER (WHERE has_anchor)
	/ avg(CASE WHEN has_acc THEN 1.0 ELSE 0.0 END) FILTER (WHERE NOT has_anchor) AS v FROM b`;
}

/** In baskets with an anchor and an accessory: same-brand rate over the rate if brands were independent. */
function sameBrandLift(table: string, anchor: string, accessories: string[]): string {
	const acc = accessories.map((a) => `'${a}'`).join(', ');
	return `WITH pb AS (SELECT user_session, brand, category_code FROM ${table}
	WHERE event_type = 'purchase' AND user_session IS NOT NULL AND brand IS NOT NULL),
an AS (SELECT DISTINCT user_session, brand FROM pb WHERE category_code = '${anchor}'),
ac AS (SELECT DISTINCT user_session, brand FROM pb WHERE category_code IN (${acc})),
obs AS (SELECT avg(CASE WHEN an.brand = ac.brand THEN 1.0 ELSE 0.0 END) AS o FROM an JOIN ac USING (user_session)),
ma AS (SELECT brand, count(*) / sum(count(*)) OVER () AS s FROM an GROUP BY 1),
mc AS (SELECT brand, count(*) / sum(count(*)) OVER () AS s FROM ac GROUP BY 1)
SELECT max(o) / sum(ma.s * mc.s) AS v FROM ma JOIN mc USING (brand), obs`;
}

export function fidelityQueries(options: { scale: number; table?: string }): FidelityQuery[] {
	const t = options.table ?? 'events';
	const s = options.scale;
	const R = REAL;
	const oct = `event_time < ${NOV}`;
	const nov = `event_time >= ${NOV}`;
	const totalRows = R.rows.oct + R.rows.nov;
	const q: FidelityQuery[] = [
		{ id: 'rows', label: 'rows / scale', check: ratio(totalRows), sql: `SELECT count(*) / ${s} AS v FROM ${t}` },
		{ id: 'rows_oct_share', label: 'October share of rows', check: ratio(R.rows.oct / totalRows), sql: share(t, oct) }
	];
	for (const [m, cond] of [['oct', oct], ['nov', nov]] as const) {
		for (const type of ['view', 'cart', 'purchase'] as const) {
			q.push({ id: `${m}_${type}`, label: `${m === 'oct' ? 'Oct' : 'Nov'} ${type} share`, check: ratio(R.eventShare[m][type]), sql: share(t, `event_type = '${type}'`, cond) });
		}
	}
	q.push(
		{ id: 'remove_from_cart', label: 'remove_from_cart rows (none in the real data)', check: { kind: 'exact', target: 0 }, sql: `SELECT count(*) AS v FROM ${t} WHERE event_type = 'remove_from_cart'` },
		{ id: 'users', label: 'users / scale', check: ratio(R.users.total), sql: `SELECT count(DISTINCT user_id) / ${s} AS v FROM ${t}` },
		{ id: 'users_oct', label: 'October users / scale', check: ratio(R.users.oct), sql: `SELECT count(DISTINCT user_id) / ${s} AS v FROM ${t} WHERE ${oct}` },
		{ id: 'users_nov', label: 'November users / scale', check: ratio(R.users.nov), sql: `SELECT count(DISTINCT user_id) / ${s} AS v FROM ${t} WHERE ${nov}` },
		{
			id: 'return_share',
			label: 'October users active in November',
			check: ratio(R.users.octReturnShare),
			sql: `SELECT avg(CASE WHEN n.user_id IS NOT NULL THEN 1.0 ELSE 0.0 END) AS v FROM (SELECT DISTINCT user_id FROM ${t} WHERE ${oct}) o LEFT JOIN (SELECT DISTINCT user_id FROM ${t} WHERE ${nov}) n USING (user_id)`
		},
		{ id: 'sessions', label: 'sessions / scale', check: ratio(R.sessions.total), sql: `SELECT count(DISTINCT user_session) / ${s} AS v FROM ${t}` },
		{ id: 'sessions_per_user', label: 'sessions per user', check: ratio(R.sessions.perUser), sql: `SELECT count(DISTINCT user_session) / count(DISTINCT user_id) AS v FROM ${t}` },
		{ id: 'events_per_session', label: 'events per session (mean)', check: ratio(R.sessions.eventsPerSessionMean), sql: `SELECT avg(n) AS v FROM (SELECT count(*) AS n FROM ${t} WHERE user_session IS NOT NULL GROUP BY user_session)` },
		{ id: 'events_per_session_median', label: 'events per session (median)', check: { kind: 'exact', target: R.sessions.eventsPerSessionMedian }, sql: `SELECT median(n) AS v FROM (SELECT count(*) AS n FROM ${t} WHERE user_session IS NOT NULL GROUP BY user_session)` },
		{
			id: 'sessions_per_user_p99',
			label: 'sessions per user, 99th percentile (heavy tail)',
			check: { kind: 'info' },
			sql: `SELECT quantile_cont(n, 0.99) AS v FROM (SELECT count(DISTINCT user_session) AS n FROM ${t} GROUP BY user_id)`
		},
		{ id: 'buyer_share', label: 'users who ever purchase', check: ratio(R.buyers.share), sql: `SELECT count(DISTINCT user_id) FILTER (WHERE event_type = 'purchase') / count(DISTINCT user_id) AS v FROM ${t}` }
	);
	for (const k of [1, 2, 3, 4] as const) {
		q.push({
			id: `purchases_per_buyer_${k}`,
			label: `buyers with ${k} purchase event${k > 1 ? 's' : ''}`,
			check: ratio(R.buyers.purchasesPerBuyer[k]),
			sql: `SELECT avg(CASE WHEN n = ${k} THEN 1.0 ELSE 0.0 END) AS v FROM (SELECT count(*) AS n FROM ${t} WHERE event_type = 'purchase' GROUP BY user_id)`
		});
	}
	q.push(
		{
			id: 'oct_users_buying_nov',
			label: 'October users who purchase in November',
			check: ratio(R.buyers.octUsersBuyingInNov),
			sql: `SELECT avg(label::INTEGER) AS v FROM ${octFeatures(t)}`
		},
		{
			id: 'cart_sessions_purchasing',
			label: 'sessions with a cart that purchase',
			check: ratio(R.buyers.cartSessionsPurchasing),
			sql: `SELECT avg(CASE WHEN p THEN 1.0 ELSE 0.0 END) FILTER (WHERE c) AS v FROM (SELECT bool_or(event_type = 'cart') AS c, bool_or(event_type = 'purchase') AS p FROM ${t} WHERE user_session IS NOT NULL GROUP BY user_session)`
		},
		{
			id: 'purchase_sessions_without_cart',
			label: 'purchase sessions without a cart event',
			check: ratio(R.buyers.purchaseSessionsWithoutCart),
			sql: `SELECT avg(CASE WHEN NOT c THEN 1.0 ELSE 0.0 END) FILTER (WHERE p) AS v FROM (SELECT bool_or(event_type = 'cart') AS c, bool_or(event_type = 'purchase') AS p FROM ${t} WHERE user_session IS NOT NULL GROUP BY user_session)`
		},
		{ id: 'catalogue_products', label: 'catalogue products', hidden: true, check: { kind: 'exact', target: R.catalogue.products }, sql: `SELECT count(*) AS v FROM gen_products` },
		{ id: 'catalogue_categories', label: 'catalogue category ids', hidden: true, check: { kind: 'exact', target: R.catalogue.categoryIds }, sql: `SELECT count(DISTINCT category_id) AS v FROM gen_products` },
		{ id: 'catalogue_codes', label: 'catalogue category codes', hidden: true, check: { kind: 'exact', target: R.catalogue.categoryCodes }, sql: `SELECT count(DISTINCT category_code) AS v FROM gen_products` },
		{ id: 'catalogue_brands', label: 'catalogue brands', hidden: true, check: { kind: 'exact', target: R.catalogue.brands }, sql: `SELECT count(DISTINCT brand) AS v FROM gen_products` },
		{ id: 'products_seen', label: 'distinct products in events', check: { kind: 'info' }, sql: `SELECT count(DISTINCT product_id) AS v FROM ${t}` },
		{ id: 'codes_seen', label: 'distinct category codes in events', check: { kind: 'info' }, sql: `SELECT count(DISTINCT category_code) AS v FROM ${t}` },
		{ id: 'brands_seen', label: 'distinct brands in events', check: { kind: 'info' }, sql: `SELECT count(DISTINCT brand) AS v FROM ${t}` },
		{ id: 'code_null', label: 'rows without category_code', check: ratio(R.nullShare.categoryCode), sql: share(t, 'category_code IS NULL') },
		{ id: 'brand_null', label: 'rows without brand', check: ratio(R.nullShare.brand), sql: share(t, 'brand IS NULL') },
		{ id: 'phone_events', label: 'smartphone share of events', check: ratio(R.smartphone.events), sql: share(t, `category_code = 'electronics.smartphone'`) },
		{ id: 'phone_purchases', label: 'smartphone share of purchases', check: ratio(R.smartphone.purchases), sql: share(t, `category_code = 'electronics.smartphone'`, `event_type = 'purchase'`) },
		{
			id: 'phone_revenue',
			label: 'smartphone share of revenue',
			check: ratio(R.smartphone.revenue),
			sql: `SELECT sum(price) FILTER (WHERE category_code = 'electronics.smartphone') / sum(price) AS v FROM ${t} WHERE event_type = 'purchase'`
		},
		{
			id: 'top_brands',
			label: 'top 4 brands by events',
			check: { kind: 'sameSet', target: R.topBrands.join(',') },
			sql: `SELECT string_agg(brand, ',' ORDER BY n DESC, brand) AS v FROM (SELECT brand, count(*) AS n FROM ${t} WHERE brand IS NOT NULL GROUP BY 1 ORDER BY n DESC, brand LIMIT 4)`
		},
		{ id: 'price_median', label: 'purchase price median', check: ratio(R.purchasePrice.median), sql: `SELECT median(price) AS v FROM ${t} WHERE event_type = 'purchase'` },
		{ id: 'price_mean', label: 'purchase price mean', check: ratio(R.purchasePrice.mean), sql: `SELECT avg(price) AS v FROM ${t} WHERE event_type = 'purchase'` },
		{ id: 'price_max', label: 'purchase price max', check: ratio(R.purchasePrice.max), sql: `SELECT max(price) AS v FROM ${t} WHERE event_type = 'purchase'` },
		{ id: 'price_zero', label: 'rows with zero price', check: ratio(R.zeroPriceShare), sql: share(t, 'price = 0') },
		{ id: 'price_negative', label: 'rows with negative price', check: { kind: 'info' }, sql: `SELECT count(*) AS v FROM ${t} WHERE price < 0` },
		{
			id: 'hour_trough',
			label: 'hour (UTC) with fewest events',
			check: { kind: 'exact', target: R.time.eventsTroughHour },
			sql: `SELECT arg_min(h, n) AS v FROM (SELECT hour(event_time) AS h, count(*) AS n FROM ${t} GROUP BY 1)`
		},
		{
			id: 'hour_peak',
			label: 'hour (UTC) with most events',
			check: { kind: 'exact', target: R.time.eventsPeakHour },
			sql: `SELECT arg_max(h, n) AS v FROM (SELECT hour(event_time) AS h, count(*) AS n FROM ${t} GROUP BY 1)`
		},
		{
			id: 'hour_peak_purchases',
			label: 'hour (UTC) with most purchases',
			check: { kind: 'exact', target: R.time.purchasesPeakHour },
			sql: `SELECT arg_max(h, n) AS v FROM (SELECT hour(event_time) AS h, count(*) AS n FROM ${t} WHERE event_type = 'purchase' GROUP BY 1)`
		},
		{
			id: 'weekday_effect',
			label: 'largest weekday deviation (ordinary days)',
			check: { kind: 'atMost', target: R.time.weekdayMaxDeviation },
			sql: `WITH d AS (SELECT event_time::DATE AS d, count(*) AS n FROM ${t} GROUP BY 1),
o AS (SELECT * FROM d WHERE NOT (month(d) = 11 AND day(d) IN (14, 15, 16, 17, 29))),
m AS (SELECT month(d) AS mo, avg(n) AS b FROM o GROUP BY 1),
w AS (SELECT dayofweek(d) AS wd, avg(n / b) AS r FROM o JOIN m ON m.mo = month(o.d) GROUP BY 1)
SELECT max(abs(r - 1)) AS v FROM w`
		}
	);
	for (const [day, target] of Object.entries(R.time.novTraffic)) {
		q.push({ id: `nov${day}_traffic`, label: `Nov ${day} events vs ordinary Nov day`, check: ratio(target), sql: dayRatio(t, Number(day)) });
	}
	for (const [day, target] of Object.entries(R.time.novPurchases)) {
		q.push({ id: `nov${day}_purchases`, label: `Nov ${day} purchases vs ordinary Nov day`, check: ratio(target), sql: dayRatio(t, Number(day), 'purchase') });
	}
	q.push(
		{
			id: 'duplicate_inflation',
			label: 'revenue inflation from duplicated rows',
			check: ratio(R.duplicateRevenueInflation),
			sql: `SELECT sum(price) / (SELECT sum(price) FROM (SELECT DISTINCT * FROM ${t} WHERE event_type = 'purchase')) - 1 AS v FROM ${t} WHERE event_type = 'purchase'`
		},
		{
			id: 'duplicate_cart_rows',
			label: 'cart rows that are exact duplicates',
			check: { kind: 'info' },
			sql: `SELECT 1 - (SELECT count(*) FROM (SELECT DISTINCT * FROM ${t} WHERE event_type = 'cart')) / count(*) AS v FROM ${t} WHERE event_type = 'cart'`
		},
		{
			id: 'null_sessions',
			label: 'rows without user_session (real: 12 per 110M)',
			check: { kind: 'info', target: +(R.nullSessionsPerRow * totalRows * s).toFixed(2) },
			sql: `SELECT count(*) AS v FROM ${t} WHERE user_session IS NULL`
		},
		{
			id: 'recency_lift',
			label: 'Nov purchase rate: active Oct 25-31 vs last active by Oct 10',
			check: { kind: 'atLeast', target: 3 },
			sql: `SELECT avg(label::INTEGER) FILTER (WHERE r <= 6) / avg(label::INTEGER) FILTER (WHERE r >= 21) AS v FROM ${octFeatures(t)}`
		},
		{
			id: 'repeat_lift',
			label: 'Nov purchase rate: Oct buyers vs Oct non-buyers',
			check: { kind: 'atLeast', target: 3 },
			sql: `SELECT avg(label::INTEGER) FILTER (WHERE fp > 0) / avg(label::INTEGER) FILTER (WHERE fp = 0) AS v FROM ${octFeatures(t)}`
		},
		{ id: 'lift_phone_accessory', label: 'basket lift: phone → headphone/case/charger', check: { kind: 'atLeast', target: 3 }, sql: basketLift(t, 'electronics.smartphone', ['electronics.audio.headphone', 'electronics.accessories.phone_case', 'electronics.accessories.charger']) },
		{ id: 'lift_phone_same_brand', label: 'basket lift: phone → same-brand accessory', check: { kind: 'atLeast', target: 2 }, sql: sameBrandLift(t, 'electronics.smartphone', ['electronics.audio.headphone', 'electronics.accessories.phone_case', 'electronics.accessories.charger']) },
		{ id: 'lift_camera_card', label: 'basket lift: camera → memory card', check: { kind: 'atLeast', target: 3 }, sql: basketLift(t, 'electronics.camera.photo', ['electronics.accessories.memory_card']) },
		{ id: 'lift_console_controller', label: 'basket lift: console → controller', check: { kind: 'atLeast', target: 3 }, sql: basketLift(t, 'electronics.gaming.console', ['electronics.gaming.controller']) },
		{
			id: 'accessory_brand_loyalty',
			label: 'headphone buyers who own a phone: same brand as the phone',
			check: { kind: 'atLeast', target: 0.5 },
			sql: `WITH ph AS (SELECT user_id, arg_min(brand, event_time) AS b FROM ${t} WHERE event_type = 'purchase' AND category_code = 'electronics.smartphone' GROUP BY 1),
hp AS (SELECT DISTINCT user_id, brand FROM ${t} WHERE event_type = 'purchase' AND category_code = 'electronics.audio.headphone')
SELECT avg(CASE WHEN hp.brand = ph.b THEN 1.0 ELSE 0.0 END) AS v FROM hp JOIN ph USING (user_id)`
		},
		{
			id: 'at_risk_high_spenders',
			label: 'buyers in the top spend quintile whose last purchase was in October',
			check: { kind: 'info' },
			sql: `WITH b AS (SELECT user_id, sum(price) AS m, max(event_time) AS last FROM ${t} WHERE event_type = 'purchase' GROUP BY 1),
q AS (SELECT *, ntile(5) OVER (ORDER BY m) AS mq FROM b)
SELECT avg(CASE WHEN mq = 5 AND last < ${NOV} THEN 1.0 ELSE 0.0 END) AS v FROM q`
		},
		{ id: 'auc_lookup', label: 'AUC Oct→Nov purchase, interactions (cell lookup)', check: { kind: 'range', lo: 0.72, hi: 0.8 }, sql: lookupAuc(t) },
		{ id: 'auc_additive', label: 'AUC Oct→Nov purchase, main effects only', check: { kind: 'info' }, sql: additiveAuc(t) },
		{
			id: 'auc_gap',
			label: 'AUC gain from interactions (lookup − additive)',
			check: { kind: 'atLeast', target: 0.01 },
			sql: `SELECT (${lookupAuc(t)}) - (${additiveAuc(t)}) AS v`
		},
		{
			id: 'auc_hidden',
			label: 'AUC of the hidden November score (ceiling)',
			hidden: true,
			check: { kind: 'info' },
			sql: aucSql(`(SELECT n.hidden AS score, n.nov_buy AS label FROM gen_nov n)`)
		}
	);
	return q;
}

function fmt(v: unknown): string {
	if (v === null || v === undefined) return '∅';
	if (typeof v === 'number') return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(+v.toPrecision(4));
	return String(v);
}

/** Judges one query's value. */
export function judge(q: FidelityQuery, value: unknown): FidelityResult {
	const c = q.check;
	const num = typeof value === 'number' ? value : Number(value);
	let target = '';
	let deviation = '';
	let ok: boolean | null = null;
	switch (c.kind) {
		case 'ratio':
			target = fmt(c.target);
			deviation = `${((num / c.target - 1) * 100).toFixed(1)}%`;
			ok = Number.isFinite(num) && Math.abs(num / c.target - 1) <= c.tolerance;
			break;
		case 'exact':
			target = fmt(c.target);
			ok = num === c.target;
			break;
		case 'atMost':
			target = `≤ ${fmt(c.target)}`;
			ok = num <= c.target;
			break;
		case 'atLeast':
			target = `≥ ${fmt(c.target)}`;
			ok = num >= c.target;
			break;
		case 'range':
			target = `${fmt(c.lo)}–${fmt(c.hi)}`;
			ok = num >= c.lo && num <= c.hi;
			break;
		case 'sameSet': {
			target = c.target;
			const a = String(value ?? '').split(',').sort().join(',');
			ok = a === c.target.split(',').sort().join(',');
			break;
		}
		case 'info':
			target = c.target === undefined ? '' : fmt(c.target);
			break;
	}
	return { id: q.id, label: q.label, target, generated: c.kind === 'sameSet' ? String(value) : fmt(num), deviation, ok };
}

/** The report as a fixed-width text table. */
export function formatReport(results: FidelityResult[]): string {
	const rows = [['statistic', 'target', 'generated', 'deviation', ''], ...results.map((r) => [r.label, r.target, r.generated, r.deviation, r.ok === null ? '' : r.ok ? 'OK' : '✗'])];
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
