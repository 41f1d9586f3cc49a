// SQL for one day of events: expands that day's sessions into rows in the Kaggle schema, sorted
// by time. A session's views come first, then its cart rows, then its purchases; the first view
// is of the product the session is about. Quirks: duplicated cart/purchase rows, zero and
// negative prices, a rare missing session id.

import { BEHAVIOUR as B } from './behaviour';
import { SLOTS } from './catalogue';
import { h, u } from './hash';
import { OCT_DAYS, zipfRank } from './sessions';
import { userIdSql } from './users';
import { dbl } from './sql-util';

/** Column names in the order of the Kaggle files' header. */
export const EVENT_COLUMNS = [
	'event_time',
	'event_type',
	'product_id',
	'category_id',
	'category_code',
	'brand',
	'price',
	'user_id',
	'user_session'
] as const;

/** DuckDB types of the typed outputs (.parquet, .duckdb, and tables built in the browser). */
export const EVENT_COLUMN_TYPES: Record<(typeof EVENT_COLUMNS)[number], string> = {
	event_time: 'TIMESTAMP',
	event_type: 'VARCHAR',
	product_id: 'BIGINT',
	category_id: 'BIGINT',
	category_code: 'VARCHAR',
	brand: 'VARCHAR',
	price: 'DOUBLE',
	user_id: 'BIGINT',
	user_session: 'VARCHAR'
};

export const EVENT_TYPES = ['view', 'cart', 'remove_from_cart', 'purchase'] as const;

export function createEventsTableSql(table: string): string {
	const cols = EVENT_COLUMNS.map((c) => `${c} ${EVENT_COLUMN_TYPES[c]}`).join(', ');
	return `CREATE TABLE ${table} (${cols})`;
}

const hex = (x: string, width: number) => `lpad(lower(to_hex(${x})), ${width}, '0')`;

/** A UUID-shaped session id: 80 hashed bits plus 48 bits that are a bijection of the session key. */
function sessionUuid(seedKey: number): string {
	const a = h('sh', 40);
	const b = h('sh', 41);
	const c = h('sh', 42);
	const tail = `((skey * 11400717 + ${seedKey}) % 281474976710656)`;
	return `${hex(a, 8)} || '-' || ${hex(`(${b} >> 16)`, 4)} || '-4' || ${hex(`(${b} & 4095)`, 3)} || '-' || ${hex(`(32768 | (${c} & 16383))`, 4)} || '-' || ${hex(tail, 12)}`;
}

const EPOCH_2019_10_01 = 1569888000;

/**
 * A SELECT of the typed event rows of days `day`…`lastDay` of one month (1 = 2019-10-01 … 61 =
 * 2019-11-30), ordered by event_time with deterministic ties (session key, step, copy). Needs
 * the tables built by the generator's setup statements.
 */
export function daySelect(day: number, seedKey: number, lastDay = day): string {
	const ek = (stream: number) => u('ek', stream);
	const month = day <= OCT_DAYS ? 0 : 1;
	if ((lastDay <= OCT_DAYS ? 0 : 1) !== month || lastDay < day) throw new Error(`invalid day range: ${day}…${lastDay}`);
	return `WITH s AS (
	SELECT s.*, c.first_p AS focus_first_p, c.n_p AS focus_n_p,
		${userIdSql('s.skey // 2000', seedKey)} AS user_id, ${sessionUuid(seedKey)} AS session_id
	FROM gen_sessions_${month} s JOIN gen_categories c ON c.cat = s.focus_cat
	WHERE s.day BETWEEN ${day} AND ${lastDay}
), e AS (
	SELECT *, unnest(range(nv + nc + np)) AS i FROM s
), k AS (
	SELECT *, nv + nc + np AS n, (sh + i * 3266489917) % 4294967296 AS ek,
		CASE WHEN i < nv THEN 0 WHEN i < nv + nc THEN 1 ELSE 3 END AS role
	FROM e
), p AS (
	SELECT k.*, CASE
		WHEN role = 0 AND i = 0 AND k.kind > 0 THEN t_prod
		WHEN role = 0 AND i = nv - 1 AND a_prod IS NOT NULL THEN a_prod
		WHEN role = 0 AND k.kind > 0 AND ${ek(1)} < ${dbl(B.revisit)} THEN t_prod
		WHEN role = 0 AND ${ek(2)} < ${dbl(B.focusViews)} THEN focus_first_p + ${zipfRank('focus_n_p', ek(3))}
		WHEN role = 0 THEN cs.first_p + ${zipfRank('cs.n_p', ek(3))}
		WHEN role = 1 AND a_prod IS NOT NULL AND (i - nv) % 2 = 1 THEN a_prod
		WHEN role = 3 AND a_prod IS NOT NULL AND i - nv - nc = 1 THEN a_prod
		ELSE t_prod END AS pid
	FROM k JOIN gen_cat_slots cs ON cs.kind = 0 AND cs.slot = floor(${ek(4)} * ${SLOTS})::INTEGER
), t AS (
	SELECT p.*,
		start_sec + floor(span * (i + 0.9 * ${ek(5)}) / n)::INTEGER AS sec,
		CASE
			WHEN role = 1 AND ${ek(6)} < ${dbl(B.duplicateCart)} THEN 1 + floor(${ek(7)} * 3)::INTEGER
			WHEN role = 3 AND ${ek(6)} < ${dbl(B.duplicatePurchase)} THEN CASE WHEN ${ek(7)} < 0.8 THEN 1 ELSE 2 END
			ELSE 0 END AS dups,
		${ek(8)} AS price_u,
		${ek(9)} < ${dbl(B.nullSession)} AS no_session
	FROM p
), r AS (
	SELECT *, unnest(range(1 + dups)) AS dup FROM t
)
SELECT
	make_timestamp((${EPOCH_2019_10_01}::BIGINT + (day - 1) * 86400 + sec) * 1000000) AS event_time,
	CASE role WHEN 0 THEN 'view' WHEN 1 THEN 'cart' ELSE 'purchase' END AS event_type,
	pr.product_id, pr.category_id, pr.category_code, pr.brand,
	CASE WHEN price_u < ${dbl(B.zeroPrice)} THEN 0.0
		WHEN price_u > ${dbl(1 - B.negativePrice)} THEN -pr.price_cents / 100.0
		ELSE pr.price_cents / 100.0 END AS price,
	r.user_id,
	CASE WHEN no_session THEN NULL ELSE session_id END AS user_session
FROM r JOIN gen_products pr ON pr.p = r.pid
ORDER BY event_time, skey, i, dup`;
}

/**
 * Wraps a typed SELECT so it renders exactly like the Kaggle CSV files. Apply it to a table that
 * holds the sorted rows (a plain scan keeps insertion order); an ORDER BY inside a subquery is
 * not guaranteed to survive.
 */
export function csvSelect(typedSelect: string): string {
	return `SELECT strftime(event_time, '%Y-%m-%d %H:%M:%S UTC') AS event_time, event_type, product_id, category_id,
	category_code, brand, price::DECIMAL(10, 2) AS price, user_id, user_session
FROM (${typedSelect})`;
}
