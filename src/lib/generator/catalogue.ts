// SQL that builds the catalogue: categories, brands, products and the lookup tables the session
// and event passes sample from. The catalogue has the real data set's size at every scale (scale
// subsamples shoppers, not the store), so its counts match the targets exactly.

import {
	AFFINITY,
	BRAND_COUNT,
	BRAND_PRICE,
	CODES,
	LEADING,
	LOYAL_ACCESSORIES,
	POOLS,
	UNCODED_BUY_WEIGHT,
	UNCODED_VIEW_SHARE
} from './catalogue-spec';
import { h, normal, u } from './hash';
import { REAL } from './targets';
import { dbl, str, values } from './sql-util';
import type { Statement } from './statement';

export const CATEGORY_COUNT = REAL.catalogue.categoryIds;
export const PRODUCT_COUNT = REAL.catalogue.products;
/** Categorical draws use lookup tables of this many equally likely slots. */
export const SLOTS = 65536;
export const HOUR_SLOTS = 1024;

const SYLLABLES = [
	'ka', 'lo', 'mi', 'ra', 'to', 'ne', 'vi', 'sa', 'du', 'pe', 'zo', 'li', 'ma', 'ro', 'ti', 'no',
	'va', 'se', 'ku', 'pa', 'zi', 'le', 'mo', 're', 'ta', 'ni', 've', 'so', 'di', 'po', 'za', 'lu',
	'bre', 'kri', 'tal', 'mon', 'ver', 'san', 'dor', 'pel', 'zen', 'lax', 'mer', 'rin', 'tex', 'nov',
	'vel', 'sol', 'kor', 'pro', 'zet', 'lin', 'mar', 'ron', 'tor', 'nex', 'vas', 'sky', 'dex', 'pix',
	'gal', 'fer', 'hol', 'bel'
];

/** The brand table: named brands from the pools in first-seen order, then synthetic names. */
export function brandNames(): string[] {
	const names: string[] = [];
	const seen = new Set<string>();
	for (const pool of Object.values(POOLS)) {
		for (const name of pool) {
			if (!seen.has(name)) {
				seen.add(name);
				names.push(name);
			}
		}
	}
	for (let i = 0; names.length < BRAND_COUNT; i++) {
		const a = SYLLABLES[i % SYLLABLES.length];
		const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length];
		const c = i >= SYLLABLES.length ** 2 ? SYLLABLES[(i * 7) % SYLLABLES.length] : '';
		const name = a + b + c;
		if (!seen.has(name)) {
			seen.add(name);
			names.push(name);
		}
	}
	return names;
}

/** The number of named (pool) brands; the rest of the brand table is the synthetic long tail. */
export function namedBrandCount(): number {
	return new Set(Object.values(POOLS).flat()).size;
}

export function catalogueStatements(seedKey: number): Statement[] {
	const brands = brandNames();
	const brandIndex = new Map(brands.map((b, i) => [b, i]));
	const named = namedBrandCount();
	const poolNames = Object.keys(POOLS);
	const idShare = [1, 0.35, 0.15];
	const codeRows = CODES.map((c, i) => [String(i), str(c.code), String(c.ids), dbl(c.view), dbl(c.buy), dbl(c.median), dbl(c.sigma), str(c.pool)]);
	const codedIds = CODES.reduce((a, c) => a + c.ids, 0);
	const uncoded = CATEGORY_COUNT - codedIds;
	const codedView = CODES.reduce((a, c) => a + c.view, 0);
	const codedBuy = CODES.reduce((a, c) => a + c.buy, 0);
	const poolRows = poolNames.flatMap((pool) => POOLS[pool].map((b, j) => [str(pool), String(j), String(brandIndex.get(b))]));
	const leadRows = Object.entries(LEADING).flatMap(([pool, list]) => list.map((b, r) => [str(pool), String(r), String(brandIndex.get(b))]));
	const priceRows = Object.entries(BRAND_PRICE).map(([b, f]) => [String(brandIndex.get(b)), dbl(f)]);
	const affRows = AFFINITY.map((a) => [str(a.anchor), str(a.accessory), dbl(a.p), dbl(a.sameBrand)]);
	const catKey = `(cat * 7 + ${seedKey})`;

	return [
		{
			name: 'brands',
			sql: `CREATE OR REPLACE TEMP TABLE gen_brands AS SELECT * FROM (${values(brands.map((b, i) => [String(i), str(b)]))}) t(brand_idx, brand)`
		},
		{
			name: 'brand pools',
			sql: `CREATE OR REPLACE TEMP TABLE gen_pools AS
SELECT p.pool, p.j, p.brand_idx, count(*) OVER (PARTITION BY p.pool) AS pool_n
FROM (${values(poolRows)}) p(pool, j, brand_idx)`
		},
		{
			name: 'categories',
			sql: `CREATE OR REPLACE TEMP TABLE gen_categories AS
WITH codes AS (
	SELECT * FROM (${values(codeRows)}) t(code_idx, code, ids, view, buy, median, sigma, pool)
), coded AS (
	SELECT c.code, c.pool, c.median, c.sigma, c.code_idx, j,
		c.view * ${dbl(100 - UNCODED_VIEW_SHARE)} / ${dbl(codedView)} * w / sum(w) OVER (PARTITION BY c.code_idx) AS view_w,
		c.buy * w / sum(w) OVER (PARTITION BY c.code_idx) AS buy_w
	FROM codes c, (SELECT unnest(range(3)) AS j, unnest([${idShare.join(', ')}]) AS w) s
	WHERE s.j < c.ids
), uncoded AS (
	SELECT NULL::VARCHAR AS code, 'generic' AS pool, i AS k,
		pow(i + 4.0, -1.05) AS zw,
		exp(ln(6.0) + ${u(`(${seedKey} + i * 977)`, 101)} * ln(40.0)) AS median,
		0.6 AS sigma,
		0.3 + 1.4 * ${u(`(${seedKey} + i * 977)`, 102)} AS buy_f
	FROM range(${uncoded}) t(i)
), unioned AS (
	SELECT code, pool, median, sigma, view_w, buy_w, code_idx * 4 + j AS ord FROM coded
	UNION ALL
	SELECT code, pool, median, sigma,
		${dbl(UNCODED_VIEW_SHARE)} * zw / sum(zw) OVER () AS view_w,
		${dbl(UNCODED_BUY_WEIGHT)} * zw * buy_f / sum(zw * buy_f) OVER () AS buy_w,
		10000 + k AS ord
	FROM uncoded
), numbered AS (
	SELECT row_number() OVER (ORDER BY ord) - 1 AS cat, * FROM unioned
), sized AS (
	SELECT *, ${PRODUCT_COUNT} * pow(view_w, 0.7) / sum(pow(view_w, 0.7)) OVER () AS exact FROM numbered
), floored AS (
	SELECT *, greatest(2, floor(exact))::BIGINT AS base FROM sized
), allotted AS (
	SELECT *, base + CASE WHEN row_number() OVER (ORDER BY exact - floor(exact) DESC, cat)
		<= ${PRODUCT_COUNT} - sum(base) OVER () THEN 1 ELSE 0 END AS n_p
	FROM floored
)
SELECT cat::INTEGER AS cat,
	(2050000000000000000 + ${h(catKey, 103)} * 40000000 + cat)::BIGINT AS category_id,
	code AS category_code, pool, view_w, buy_w, (view_w / ${dbl(100)} + buy_w / ${dbl(codedBuy + UNCODED_BUY_WEIGHT)}) / 2 AS cart_w,
	median, sigma, n_p::INTEGER AS n_p,
	(sum(n_p) OVER (ORDER BY cat) - n_p)::INTEGER AS first_p
FROM allotted ORDER BY cat`
		},
		{
			name: 'products',
			sql: `CREATE OR REPLACE TEMP TABLE gen_products AS
WITH leads AS (
	SELECT * FROM (${values(leadRows)}) t(pool, r, brand_idx)
), factors AS (
	SELECT * FROM (${values(priceRows)}) t(brand_idx, factor)
), raw AS (
	SELECT cat, category_id, category_code, pool, median, sigma, first_p + r AS p, r
	FROM (SELECT *, unnest(range(n_p)) AS r FROM gen_categories)
), keyed AS (
	SELECT *, (p * 31 + ${seedKey}) AS pk FROM raw
), chosen AS (
	SELECT k.*,
		CASE WHEN k.category_code IS NULL THEN ${u('k.pk', 111)} < 0.40 ELSE ${u('k.pk', 111)} < 0.02 END AS no_brand,
		k.category_code IS NULL AND ${u('k.pk', 112)} >= 0.45 AS synthetic,
		floor(pow(pl.pool_n + 1.0, ${u('k.pk', 113)}))::INTEGER - 1 AS pool_j,
		l.brand_idx AS lead_brand
	FROM keyed k
	JOIN (SELECT DISTINCT pool, pool_n FROM gen_pools) pl ON pl.pool = k.pool
	LEFT JOIN leads l ON l.pool = k.pool AND l.r = k.r
), synth AS (
	SELECT *, CASE WHEN synthetic AND NOT no_brand
		THEN ${named} + (row_number() OVER (PARTITION BY synthetic AND NOT no_brand ORDER BY ${h('pk', 114)}, p) - 1) % ${BRAND_COUNT - named}
		END AS synth_brand
	FROM chosen
), branded AS (
	SELECT s.*, CASE WHEN s.no_brand THEN NULL WHEN s.synthetic THEN s.synth_brand
		ELSE coalesce(s.lead_brand, pb.brand_idx) END AS brand_idx
	FROM synth s LEFT JOIN gen_pools pb ON pb.pool = s.pool AND pb.j = s.pool_j
)
SELECT b.p::INTEGER AS p,
	(1000000 + (b.p * 48271 + ${seedKey} % 1000) % 99000000)::BIGINT AS product_id,
	b.cat, b.category_id, b.category_code, b.brand_idx, br.brand,
	least(257407, greatest(77, round(100.0 * b.median * coalesce(f.factor, 1.0) * exp(b.sigma * ${normal('b.pk', 115)}))))::INTEGER AS price_cents
FROM branded b
LEFT JOIN gen_brands br ON br.brand_idx = b.brand_idx
LEFT JOIN factors f ON f.brand_idx = b.brand_idx
ORDER BY b.p`
		},
		{
			name: 'brand groups',
			sql: `CREATE OR REPLACE TEMP TABLE gen_brand_products AS
SELECT cat, brand_idx, (row_number() OVER (PARTITION BY cat, brand_idx ORDER BY p) - 1)::INTEGER AS j,
	count(*) OVER (PARTITION BY cat, brand_idx)::INTEGER AS group_n, p
FROM gen_products WHERE brand_idx IS NOT NULL`
		},
		{
			name: 'brand group sizes',
			sql: `CREATE OR REPLACE TEMP TABLE gen_brand_groups AS
SELECT cat, brand_idx, count(*)::INTEGER AS group_n FROM gen_products WHERE brand_idx IS NOT NULL GROUP BY ALL`
		},
		{
			name: 'category slots',
			sql: `CREATE OR REPLACE TEMP TABLE gen_cat_slots AS
WITH w AS (
	SELECT 0 AS kind, cat, view_w AS w FROM gen_categories
	UNION ALL SELECT 1, cat, cart_w FROM gen_categories
	UNION ALL SELECT 2, cat, buy_w FROM gen_categories
), cum AS (
	SELECT kind, cat, (sum(w) OVER (PARTITION BY kind ORDER BY cat) - w) / sum(w) OVER (PARTITION BY kind) AS lo FROM w
), slots AS (
	SELECT k.kind, s.slot, (s.slot + 0.5) / ${SLOTS}.0 AS x
	FROM range(${SLOTS}) s(slot), (SELECT unnest([0, 1, 2]) AS kind) k
)
SELECT s.kind::INTEGER AS kind, s.slot::INTEGER AS slot, c.cat, g.first_p, g.n_p
FROM slots s ASOF JOIN cum c ON c.kind = s.kind AND s.x >= c.lo
JOIN gen_categories g ON g.cat = c.cat`
		},
		{
			name: 'affinity',
			sql: `CREATE OR REPLACE TEMP TABLE gen_affinity AS
WITH a AS (SELECT * FROM (${values(affRows)}) t(anchor, accessory, p, same_brand)),
anchors AS (SELECT cat, category_code FROM gen_categories),
acc AS (SELECT category_code, min(cat) AS cat FROM gen_categories WHERE category_code IS NOT NULL GROUP BY ALL)
SELECT an.cat AS anchor_cat, ac.cat AS acc_cat, g.first_p AS acc_first_p, g.n_p AS acc_n_p, a.same_brand,
	sum(a.p) OVER (PARTITION BY an.cat ORDER BY ac.cat) - a.p AS lo,
	sum(a.p) OVER (PARTITION BY an.cat ORDER BY ac.cat) AS hi
FROM a JOIN anchors an ON an.category_code = a.anchor
JOIN acc ac ON ac.category_code = a.accessory
JOIN gen_categories g ON g.cat = ac.cat`
		},
		{
			name: 'loyal categories',
			sql: `CREATE OR REPLACE TEMP TABLE gen_loyal AS
SELECT cat FROM gen_categories WHERE category_code IN (${['electronics.smartphone', ...LOYAL_ACCESSORIES].map(str).join(', ')})`
		}
	];
}
