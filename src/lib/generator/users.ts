// SQL for users and their monthly plans (how many purchase, cart-only and browse sessions).
// October is planned up front; November is planned after October's sessions exist, from what
// an analyst can observe in October (recency, frequency, carts, purchases) plus hidden state.

import { BEHAVIOUR as B } from './behaviour';
import { brandNames } from './catalogue';
import { logistic, normal, u } from './hash';
import { REAL } from './targets';
import { dbl, pick } from './sql-util';
import type { Statement } from './statement';

export interface Population {
	users: number;
	octUsers: number;
	octBuyers: number;
	returners: number;
	novBuyersFromOct: number;
	novOnlyBuyers: number;
}

/** user_id as a bijection of uid (< 2^27): 9-digit ids like the real ones, seeded. */
export function userIdSql(uid: string, seedKey: number): string {
	return `(400000000 + (((${uid}) + ${seedKey % 1000003}) % 134217728) * 2654435761 % 134217728)::BIGINT`;
}

export function population(scale: number): Population {
	const users = Math.max(20, Math.round(REAL.users.total * scale));
	const octUsers = Math.round(users * B.octUserShare);
	return {
		users,
		octUsers,
		octBuyers: Math.round(octUsers * B.octBuyerShare),
		returners: Math.round(octUsers * B.returnShare),
		novBuyersFromOct: Math.round(octUsers * B.octUsersBuyingInNov),
		novOnlyBuyers: Math.round((users - octUsers) * B.novOnlyBuyerShare)
	};
}

/** floor of a geometric draw with the given mean (SQL expressions). */
export function geometric(mean: string, uniform: string): string {
	return `CASE WHEN (${mean}) <= 0 THEN 0 ELSE floor(ln(1.0 - ${uniform}) / ln((${mean}) / (1.0 + (${mean})))) END`;
}

/** floor of a Lomax (Pareto II, shape alpha > 1) draw with the given mean. */
export function lomax(mean: string, uniform: string, alpha = 2.2): string {
	return `floor((${mean}) * ${dbl(alpha - 1)} * (pow(1.0 - ${uniform}, ${dbl(-1 / alpha)}) - 1.0))`;
}

function stateCase(uniform: string): string {
	let acc = 0;
	const arms = B.stateShares.slice(0, -1).map((s, i) => {
		acc += s;
		return `WHEN ${uniform} < ${dbl(acc)} THEN ${i}`;
	});
	return `CASE ${arms.join(' ')} ELSE ${B.stateShares.length - 1} END`;
}

function phoneBrandCase(uniform: string): string {
	const names = brandNames();
	const idx = ['samsung', 'apple', 'xiaomi', 'huawei'].map((b) => names.indexOf(b));
	return `CASE ${B.phoneBrandCum.map((c, i) => `WHEN ${uniform} < ${dbl(c)} THEN ${idx[i]}`).join(' ')} ELSE NULL END`;
}

const perState = (values: number[]) => pick('st', values.map(dbl));
const perMonth = (values: number[], month: number) => dbl(values[month]);

/** Session counts of a plan for `month` (0 Oct, 1 Nov); `buys` is a boolean SQL expression. */
function planCounts(month: number, buys: string): string {
	const multi = `${u('uh', 38 + month)} < least(0.6, ${perMonth(B.multiBuyer, month)} * pow(g, 0.8) * CASE WHEN st = 3 THEN 2.5 ELSE 1.0 END)`;
	const heavy = `${u('uh', 40 + month)} < ${dbl(B.heavyShare)}`;
	const q = `CASE WHEN NOT ${buys} THEN 0
		WHEN ${multi} AND ${heavy} THEN 3 + ${geometric(perMonth(B.heavyMean, month), u('uh', 30 + month))}
		WHEN ${multi} THEN 2 + ${geometric(perMonth(B.repeatMean, month), u('uh', 30 + month))}
		ELSE 1 END`;
	const k = geometric(`${perMonth(B.cartOnlySessions, month)} * pow(g, 0.6) * CASE WHEN st = 2 THEN 4.0 ELSE 1.0 END`, u('uh', 32 + month));
	const b = lomax(`${perMonth(B.browseSessions, month)} * g * CASE WHEN st = 2 THEN 1.3 WHEN st = 4 THEN 0.8 ELSE 1.0 END`, u('uh', 34 + month));
	return `(${q})::INTEGER AS q, (${k})::INTEGER AS k, (${b})::INTEGER AS b0`;
}

export function userStatements(scale: number, seedKey: number): Statement[] {
	const pop = population(scale);
	const octDays = 31;
	return [
		{
			name: 'users',
			sql: `CREATE OR REPLACE TEMP TABLE gen_users AS
WITH base AS (
	SELECT uid, gen_h(xor(uid, ${seedKey})) AS uh FROM range(${pop.users}) t(uid)
), drawn AS (
	SELECT uid, uh, uid < ${pop.octUsers} AS in_oct,
		${userIdSql('uid', seedKey)} AS user_id,
		${normal('uh', 1)} AS eng,
		${stateCase(u('uh', 5))} AS st,
		${phoneBrandCase(u('uh', 6))} AS phone_brand,
		floor(${u('uh', 7)} * 65536)::INTEGER AS fav_slot,
		${logistic('uh', 8)} AS buy_noise
	FROM base
), scored AS (
	SELECT d.*, exp(${dbl(B.engagementSigma)} * eng) AS g, s.cat AS fav_cat,
		row_number() OVER (PARTITION BY in_oct ORDER BY
			${dbl(B.engagementSigma * 0.9)} * eng + CASE WHEN in_oct THEN ${pick('st', B.octBuyBonus.map(dbl))} ELSE 0 END + buy_noise DESC, uid) AS buy_rank
	FROM drawn d JOIN gen_cat_slots s ON s.kind = 0 AND s.slot = d.fav_slot
)
SELECT uid, uh, in_oct, user_id, g, CASE WHEN in_oct THEN st ELSE 1 END AS st, phone_brand, fav_cat,
	in_oct AND buy_rank <= ${pop.octBuyers} AS oct_buy,
	NOT in_oct AND buy_rank <= ${pop.novOnlyBuyers} AS new_buy
FROM scored ORDER BY uid`
		},
		{
			name: 'october plan',
			sql: `CREATE OR REPLACE TEMP TABLE gen_plan_0 AS
WITH c AS (
	SELECT uid, uh, user_id, g, st, phone_brand, fav_cat, ${planCounts(0, 'oct_buy')},
		CASE WHEN st = 4 THEN ${B.lapsingLastDay[0]} + floor(${u('uh', 36)} * ${B.lapsingLastDay[1] - B.lapsingLastDay[0] + 1})::INTEGER ELSE ${octDays} END AS wb
	FROM gen_users WHERE in_oct
)
SELECT uid, uh, user_id, g, st, phone_brand, fav_cat, 0 AS month, q, k,
	CASE WHEN q + k + b0 = 0 THEN 1 ELSE b0 END AS b, 1 AS wa, wb
FROM c`
		}
	];
}

/**
 * After October's sessions: observe October, decide who returns and who buys in November.
 * The November score is deliberately not additive in what an analyst sees (r = days since the
 * last October session, f = sessions, c = cart sessions, pu = purchase sessions): frequency
 * helps only when recent and hurts when lapsed, abandoned carts count only when recent, past
 * buyers are less likely than non-buyers once lapsed, and big-ticket buyers pause; on top sit
 * the hidden state and logistic noise. Trees can learn this; a linear model cannot.
 */
export function novemberStatements(scale: number): Statement[] {
	const pop = population(scale);
	const rec = `CASE WHEN r <= 2 THEN 1.2 WHEN r <= 6 THEN 0.7 WHEN r <= 13 THEN 0.2 ELSE -0.3 END`;
	const interaction = `CASE WHEN f >= 4 AND r <= 6 THEN 1.2 WHEN f >= 6 AND r >= 10 THEN -1.6 ELSE 0 END`;
	const carts = `CASE WHEN c >= 1 AND pu = 0 THEN (CASE WHEN r <= 6 THEN 1.2 WHEN r > 13 THEN -0.6 ELSE 0.2 END) ELSE 0 END`;
	const prior = `CASE WHEN pu >= 1 THEN (CASE WHEN r <= 10 THEN 1.7 ELSE -0.8 END) + CASE WHEN pu >= 3 THEN 0.5 ELSE 0 END
		+ CASE WHEN big AND pu <= 2 THEN -1.0 ELSE 0 END ELSE 0 END`;
	const browsers = `CASE WHEN f >= 12 AND c = 0 AND pu = 0 THEN -1.5 ELSE 0 END`;
	return [
		{
			name: 'october summary',
			sql: `CREATE OR REPLACE TEMP TABLE gen_oct AS
SELECT s.skey // 2000 AS uid, 31 - max(s.day) AS r, count(*) AS f, count(*) FILTER (WHERE s.kind IN (1, 2)) AS c,
	count(*) FILTER (WHERE s.kind IN (2, 3)) AS pu, coalesce(bool_or(s.kind IN (2, 3) AND p.price_cents >= 40000), false) AS big
FROM gen_sessions_0 s JOIN gen_products p ON p.p = s.t_prod GROUP BY 1`
		},
		{
			name: 'november decisions',
			sql: `CREATE OR REPLACE TEMP TABLE gen_nov AS
WITH s AS (
	SELECT u.uid, u.uh, u.st, o.r, o.f, o.c, o.pu, o.big,
		${pick('u.st', B.novBuyBonus.map(dbl))} + ${rec} + ${interaction} + ${carts} + ${prior} + ${browsers} AS hidden
	FROM gen_users u JOIN gen_oct o USING (uid)
), b AS (
	SELECT *, row_number() OVER (ORDER BY hidden + ${dbl(B.novBuyNoise)} * ${logistic('uh', 20)} DESC, uid) <= ${pop.novBuyersFromOct} AS nov_buy
	FROM s
), r AS (
	SELECT *, nov_buy OR row_number() OVER (PARTITION BY nov_buy ORDER BY 0.6 * hidden + ${logistic('uh', 21)} DESC, uid)
		<= ${pop.returners - pop.novBuyersFromOct} AS returns
	FROM b
)
SELECT uid, hidden, nov_buy, returns FROM r ORDER BY uid`
		},
		{
			name: 'november plan',
			sql: `CREATE OR REPLACE TEMP TABLE gen_plan_1 AS
WITH who AS (
	SELECT u.*, coalesce(n.nov_buy, u.new_buy) AS buys
	FROM gen_users u LEFT JOIN gen_nov n USING (uid)
	WHERE NOT u.in_oct OR n.returns
), c AS (
	SELECT uid, uh, user_id, g, st, phone_brand, fav_cat, ${planCounts(1, 'buys')} FROM who
)
SELECT uid, uh, user_id, g, st, phone_brand, fav_cat, 1 AS month, q, k,
	CASE WHEN q + k + b0 = 0 THEN 1 ELSE b0 END AS b, 32 AS wa, 61 AS wb
FROM c`
		}
	];
}
