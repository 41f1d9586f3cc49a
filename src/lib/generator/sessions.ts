// SQL for the calendar tables and for expanding a monthly plan into sessions: each session gets
// a kind (0 browse, 1 cart only, 2 cart + purchase, 3 purchase without cart), a day, a start
// second, a focus category, the product it is about and, for baskets, an accessory.

import { BEHAVIOUR as B } from './behaviour';
import { HOUR_SLOTS } from './catalogue';
import { u } from './hash';
import { geometric, lomax } from './users';
import { dbl, values } from './sql-util';
import type { Statement } from './statement';

/** Day 1 is 2019-10-01, day 32 is 2019-11-01, day 61 is 2019-11-30. */
export const DAYS = 61;
export const OCT_DAYS = 31;
const EPOCH_2019_10_01 = Date.UTC(2019, 9, 1) / 1000;

export function dayDate(day: number): string {
	return new Date((EPOCH_2019_10_01 + (day - 1) * 86400) * 1000).toISOString().slice(0, 10);
}

export interface DayWeight {
	day: number;
	traffic: number;
	purchases: number;
	/** For October users who are not lapsing: tilted towards late October (see below). */
	trafficRegular: number;
	purchasesRegular: number;
}

/**
 * Day weights for drawing a session's day. Lapsing users' October sessions fall before their
 * last day (≤ Oct 20), which would make early October busier; regular users' October weights are
 * tilted to cancel that, so that all sessions together follow `traffic` / `purchases`.
 */
export function dayWeights(): DayWeight[] {
	const base: { day: number; traffic: number; purchases: number }[] = [];
	for (let day = 1; day <= DAYS; day++) {
		const dow = new Date((EPOCH_2019_10_01 + (day - 1) * 86400) * 1000).getUTCDay();
		const novDay = day > OCT_DAYS ? day - OCT_DAYS : 0;
		base.push({
			day,
			traffic: B.weekdayTraffic[dow] * (B.novTraffic[novDay] ?? 1),
			purchases: B.weekdayPurchases[dow] * (B.novPurchases[novDay] ?? 1)
		});
	}
	const [first, last] = B.lapsingLastDay;
	const rho = B.lapsingSessionShare;
	const tilt = (key: 'traffic' | 'purchases', day: number) => {
		const upTo = (b: number) => base.slice(0, b).reduce((a, d) => a + d[key], 0);
		let lapsing = 0;
		for (let b = Math.max(first, day); b <= last; b++) lapsing += 1 / (last - first + 1) / upTo(b);
		return (1 / upTo(OCT_DAYS) - rho * lapsing) / (1 - rho);
	};
	return base.map((d) => ({
		...d,
		trafficRegular: d.day > OCT_DAYS ? d.traffic : d.traffic * tilt('traffic', d.day),
		purchasesRegular: d.day > OCT_DAYS ? d.purchases : d.purchases * tilt('purchases', d.day)
	}));
}

export function calendarStatements(): Statement[] {
	const days = dayWeights();
	const rows = days.flatMap((d) => [
		['0', String(d.day), dbl(d.traffic)],
		['1', String(d.day), dbl(d.purchases)],
		['2', String(d.day), dbl(d.trafficRegular)],
		['3', String(d.day), dbl(d.purchasesRegular)]
	]);
	const hours = [B.hourTraffic, B.hourPurchases].flatMap((w, kind) => w.map((x, hour) => [String(kind), String(hour), dbl(x)]));
	return [
		{
			name: 'days',
			sql: `CREATE OR REPLACE TEMP TABLE gen_days AS
WITH w AS (SELECT * FROM (${values(rows)}) t(kind, day, w))
SELECT kind, day, sum(w) OVER (PARTITION BY kind ORDER BY day) - w AS lo, sum(w) OVER (PARTITION BY kind ORDER BY day) AS hi
FROM w`
		},
		{
			name: 'hour slots',
			sql: `CREATE OR REPLACE TEMP TABLE gen_hour_slots AS
WITH w AS (SELECT * FROM (${values(hours)}) t(kind, hour, w)),
cum AS (SELECT kind, hour, (sum(w) OVER (PARTITION BY kind ORDER BY hour) - w) / sum(w) OVER (PARTITION BY kind) AS lo FROM w),
slots AS (SELECT k.kind, s.slot, (s.slot + 0.5) / ${HOUR_SLOTS}.0 AS x FROM range(${HOUR_SLOTS}) s(slot), (SELECT unnest([0, 1]) AS kind) k)
SELECT s.kind::INTEGER AS kind, s.slot::INTEGER AS slot, c.hour::INTEGER AS hour
FROM slots s ASOF JOIN cum c ON c.kind = s.kind AND s.x >= c.lo`
		}
	];
}

/** Zipf-like rank in [0, n): log-uniform, so rank r has probability ≈ 1 / ((r + 1.5) ln(n + 1)). */
export function zipfRank(n: string, uniform: string): string {
	return `(floor(pow((${n}) + 1.0, ${uniform}))::INTEGER - 1)`;
}

/** Users per session-building pass: bounds the memory of each pass (≈4.3 sessions per user). */
export const USERS_PER_PASS = 400_000;

/**
 * Expands `gen_plan_<month>` into `gen_sessions_<month>` in passes over uid ranges. A session's
 * key is skey = (uid * 2 + month) * 1000 + k, so uid = skey // 2000.
 */
export function sessionStatements(month: 0 | 1, users: number): Statement[] {
	const passes = Math.max(1, Math.ceil(users / USERS_PER_PASS));
	const out: Statement[] = [];
	for (let i = 0; i < passes; i++) {
		const lo = Math.floor((i * users) / passes);
		const hi = Math.floor(((i + 1) * users) / passes);
		const select = sessionSelect(month, `uid >= ${lo} AND uid < ${hi}`);
		out.push({
			name: `sessions ${month === 0 ? 'Oct' : 'Nov'}${passes > 1 ? ` ${i + 1}/${passes}` : ''}`,
			sql: i === 0 ? `CREATE OR REPLACE TEMP TABLE gen_sessions_${month} AS ${select}` : `INSERT INTO gen_sessions_${month} ${select}`
		});
	}
	out.push({ name: `drop plan ${month}`, sql: `DROP TABLE gen_plan_${month}` });
	return out;
}

function sessionSelect(month: 0 | 1, where: string): string {
	const noCart = dbl(B.purchaseWithoutCart[month]);
	const sk = (stream: number) => u('sh', stream);
	return `WITH ex AS (
	SELECT uid, uh, month, st, phone_brand, fav_cat, q, k, wa, wb,
		unnest(range(least(999, q + k + b))) AS sk
	FROM gen_plan_${month} WHERE ${where}
), s0 AS (
	SELECT *, ((uid * 2 + month) * 1000 + sk)::BIGINT AS skey,
		gen_h((uh + (month * 1000 + sk) * 2246822519) % 4294967296) AS sh
	FROM ex
), s1 AS (
	SELECT *,
		CASE WHEN sk < q THEN CASE WHEN ${sk(1)} < ${noCart} THEN 3 ELSE 2 END WHEN sk < q + k THEN 1 ELSE 0 END AS kind
	FROM s0
), s2 AS (
	SELECT s1.*, CASE WHEN kind >= 2 THEN 1 ELSE 0 END AS hkind,
		CASE WHEN kind >= 2 THEN 1 ELSE 0 END + CASE WHEN month = 0 AND wb = ${OCT_DAYS} THEN 2 ELSE 0 END AS dkind
	FROM s1
), s3 AS (
	SELECT s2.*, a.lo + ${sk(2)} * (b.hi - a.lo) AS x
	FROM s2 JOIN gen_days a ON a.kind = s2.dkind AND a.day = s2.wa
	JOIN gen_days b ON b.kind = s2.dkind AND b.day = s2.wb
), s4 AS (
	SELECT s3.*, d.day FROM s3 ASOF JOIN gen_days d ON d.kind = s3.dkind AND s3.x >= d.lo
), s5 AS (
	SELECT s4.*, hs.hour,
		CASE WHEN s4.kind = 0 AND ${sk(4)} < ${dbl(B.favouriteFocus)} THEN s4.fav_cat ELSE cs.cat END AS focus_cat
	FROM s4
	JOIN gen_hour_slots hs ON hs.kind = s4.hkind AND hs.slot = floor(${sk(3)} * ${HOUR_SLOTS})::INTEGER
	JOIN gen_cat_slots cs ON cs.kind = least(s4.kind, 2) AND cs.slot = floor(${sk(5)} * 65536)::INTEGER
), s6 AS (
	SELECT s5.*, c.first_p AS focus_first_p, c.n_p AS focus_n_p,
		CASE WHEN s5.kind > 0 AND s5.phone_brand IS NOT NULL AND l.cat IS NOT NULL AND ${sk(6)} < ${dbl(B.phoneBrandLoyalty)}
			THEN s5.phone_brand ELSE -1 END AS loyal_brand,
		${sk(7)} AS u_brand_rank, ${sk(8)} AS u_rank, ${sk(9)} AS u_aff, ${sk(10)} AS u_same,
		${sk(11)} AS u_acc_brand_rank, ${sk(12)} AS u_acc_rank
	FROM s5 JOIN gen_categories c ON c.cat = s5.focus_cat
	LEFT JOIN gen_loyal l ON l.cat = s5.focus_cat
), s7a AS (
	SELECT s6.*, ${zipfRank('g.group_n', 's6.u_brand_rank')} AS brand_j
	FROM s6 LEFT JOIN gen_brand_groups g ON g.cat = s6.focus_cat AND g.brand_idx = s6.loyal_brand
), s7 AS (
	SELECT s7a.*, coalesce(bp.p, s7a.focus_first_p + ${zipfRank('s7a.focus_n_p', 's7a.u_rank')}) AS t_prod
	FROM s7a LEFT JOIN gen_brand_products bp
		ON bp.cat = s7a.focus_cat AND bp.brand_idx = s7a.loyal_brand AND bp.j = s7a.brand_j
), s8 AS (
	SELECT s7.*, tp.brand_idx AS t_brand, af.acc_cat, af.acc_first_p, af.acc_n_p,
		CASE WHEN af.acc_cat IS NOT NULL AND tp.brand_idx IS NOT NULL AND s7.u_same < af.same_brand THEN tp.brand_idx ELSE -1 END AS acc_brand
	FROM s7 JOIN gen_products tp ON tp.p = s7.t_prod
	LEFT JOIN gen_affinity af ON af.anchor_cat = CASE WHEN s7.kind > 0 THEN s7.focus_cat ELSE -1 END
		AND s7.u_aff >= af.lo AND s7.u_aff < af.hi
), s9a AS (
	SELECT s8.*, ${zipfRank('g.group_n', 's8.u_acc_brand_rank')} AS acc_j
	FROM s8 LEFT JOIN gen_brand_groups g ON g.cat = s8.acc_cat AND g.brand_idx = s8.acc_brand
), s9 AS (
	SELECT s9a.*, CASE WHEN s9a.acc_cat IS NULL THEN NULL
		ELSE coalesce(bp.p, s9a.acc_first_p + ${zipfRank('s9a.acc_n_p', 's9a.u_acc_rank')}) END AS a_prod
	FROM s9a LEFT JOIN gen_brand_products bp
		ON bp.cat = s9a.acc_cat AND bp.brand_idx = s9a.acc_brand AND bp.j = s9a.acc_j
), s10 AS (
	SELECT s9.*,
		(1 + ${lomax(`CASE kind WHEN 0 THEN ${dbl(B.views[0])} WHEN 1 THEN ${dbl(B.views[1])} ELSE ${dbl(B.views[2])} END`, sk(13), B.viewsAlpha)})::INTEGER AS nv0,
		CASE WHEN kind >= 2 THEN 1 + (a_prod IS NOT NULL)::INTEGER ELSE 0 END AS np
	FROM s9
), s11 AS (
	SELECT s10.*,
		least(400, CASE WHEN a_prod IS NOT NULL THEN greatest(nv0, 2) ELSE nv0 END) AS nv,
		CASE kind
			WHEN 1 THEN 1 + (a_prod IS NOT NULL)::INTEGER + ${geometric(dbl(B.extraCarts[0]), sk(14))}
			WHEN 2 THEN np + ${geometric(dbl(B.extraCarts[1]), sk(14))}
			ELSE 0 END::INTEGER AS nc
	FROM s10
), s12 AS (
	SELECT s11.*, least(20000, floor((nv + nc + np) * ${dbl(B.gapSeconds)} * (0.4 + 1.2 * ${sk(15)})))::INTEGER AS span
	FROM s11
)
SELECT skey, sh, day::TINYINT AS day, kind::TINYINT AS kind,
	least(hour * 3600 + floor(${sk(16)} * 3600)::INTEGER, 86399 - span)::INTEGER AS start_sec, span::INTEGER AS span,
	nv::SMALLINT AS nv, nc::SMALLINT AS nc, np::TINYINT AS np,
	focus_cat::SMALLINT AS focus_cat, t_prod::INTEGER AS t_prod, a_prod::INTEGER AS a_prod
FROM s12`;
}
