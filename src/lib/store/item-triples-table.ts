import { quoteString } from '../data/sql';
import { BASKET_COMBINATIONS, basketSetsCtes } from './basket-sets';
import { column, factTableSteps, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

/**
 * Label baskets with more distinct items than this are left out of item_triples, from every
 * count, totals included. k items make k(k-1)(k-2)/6 triples: 2,300 at 25, but 161,700 at the
 * pair cap of 100, so a few resellers would outweigh every other basket and the join's hash
 * table. Measured (DuckDB-WASM under Node) on the generated 11M-event set: user baskets hold at
 * most 34 brands and 20 codes; 3 of 65,917 brand baskets hold more than 25 (none of the code
 * baskets), the largest kept one 23 brands (1,771 triples); the brand join emits 228,252 rows
 * and each pass takes about 0.2 s, also under a 64 MiB memory_limit. With 20 users of 100
 * brands and 100 codes added and the cap at 100, the brand pass makes 1,001,462 triples instead
 * of 20,204 in 4.1 s, and runs out of a 256 MiB memory_limit.
 */
export const BASKET_MAX_TRIPLE_ITEMS = 25;

// Triples of category codes, and of brands, bought in the same basket (item_a < item_b <
// item_c), per basket level, with every count the notebook's ratios need, all over the same
// baskets (those the triple cap keeps):
//   support = baskets / total_baskets, attach rate of c to {a, b} = baskets / baskets_ab,
//   lift of {a, b} → c = baskets · total_baskets / (baskets_ab · baskets_c),
//   lift of the triple = baskets · total_baskets² / (baskets_a · baskets_b · baskets_c).
// Only triples in at least `minBaskets` baskets are kept (the store's min_pair_baskets): a
// triple is in no more baskets than any of its items or pairs, so the rest are pruned first.
// Baskets left out of a level = basket_stats' total_baskets + baskets_left_out − total_baskets
// of any row of that level.
export const ITEM_TRIPLE_COLUMNS = [
	column('level', 'VARCHAR', 't.level'),
	column('item_level', 'VARCHAR', 't.item_level'),
	column('item_a', 'VARCHAR', 'ia.item'),
	column('item_b', 'VARCHAR', 'ib.item'),
	column('item_c', 'VARCHAR', 'ic.item'),
	// Baskets holding all three items.
	column('baskets', 'INTEGER', 'tr.baskets'),
	// Baskets holding each pair of them.
	column('baskets_ab', 'INTEGER', 'ab.baskets'),
	column('baskets_ac', 'INTEGER', 'ac.baskets'),
	column('baskets_bc', 'INTEGER', 'bc.baskets'),
	// Baskets holding each item; all baskets of the level.
	column('baskets_a', 'INTEGER', 'ia.baskets'),
	column('baskets_b', 'INTEGER', 'ib.baskets'),
	column('baskets_c', 'INTEGER', 'ic.baskets'),
	column('total_baskets', 'INTEGER', 't.total')
];

const LABEL_TRIPLES = BASKET_COMBINATIONS.filter((c) => c.itemLevel !== 'product');

/** The minimum of baskets a triple needs: a count, or the one recorded in the store's `store_build`. */
export type MinTripleBaskets = number | 'stored';

export interface ItemTriplesOptions {
	/** Label baskets with more distinct items are left out; at least 3. */
	maxItems: number;
	minBaskets: MinTripleBaskets;
}

/**
 * One pass per (basket level, label level). Items are numbered in label order (so a < b < c
 * holds for the labels too) and only items in at least `minBaskets` baskets join, so the triple
 * join and its hash table hold INTEGERs. Joining the frequent pairs into that join as well, to
 * prune it further, was measured slower (5.3 s and +680 MiB for user brands at 1.1M events,
 * against 0.2 s): the planner joined the pairs first. Each kept triple's pairs are frequent, so
 * its pair counts join afterwards.
 */
export function itemTriplesSteps({ schema }: FactContext, { maxItems, minBaskets }: ItemTriplesOptions): StoreStep[] {
	if (!Number.isInteger(maxItems) || maxItems < 3) throw new Error(`invalid maxTripleItems: ${maxItems} (a basket needs 3 items to make a triple)`);
	if (minBaskets !== 'stored' && (!Number.isInteger(minBaskets) || minBaskets < 1)) throw new Error(`invalid minTripleBaskets: ${minBaskets}`);
	const min = minBaskets === 'stored' ? `(SELECT max(min_pair_baskets) FROM ${storeTable(schema, 'store_build')})` : String(minBaskets);
	return factTableSteps({
		schema,
		table: 'item_triples',
		columns: ITEM_TRIPLE_COLUMNS,
		passes: LABEL_TRIPLES.length,
		name: (k) => `item_triples ${LABEL_TRIPLES[k].level} ${LABEL_TRIPLES[k].itemLevel}`,
		with: (k) => {
			const { level, itemLevel } = LABEL_TRIPLES[k];
			return `${basketSetsCtes(schema, level, itemLevel, maxItems)},
items AS (
	SELECT item, baskets, CAST(row_number() OVER (ORDER BY item) AS INTEGER) AS id
	FROM (SELECT item, count(*) AS baskets FROM sets GROUP BY item)
	WHERE baskets >= ${min}
),
kept AS (SELECT s.basket, i.id FROM sets s JOIN items i USING (item) WHERE s.basket_size >= 2),
pairs AS (
	SELECT a.id AS a, b.id AS b, count(*) AS baskets
	FROM kept a JOIN kept b ON a.basket = b.basket AND a.id < b.id
	GROUP BY ALL HAVING count(*) >= ${min}
),
triples AS (
	SELECT a.id AS a, b.id AS b, c.id AS c, count(*) AS baskets
	FROM kept a JOIN kept b ON a.basket = b.basket AND a.id < b.id
	JOIN kept c ON c.basket = a.basket AND b.id < c.id
	GROUP BY ALL HAVING count(*) >= ${min}
),
t AS (SELECT ${quoteString(level)} AS level, ${quoteString(itemLevel)} AS item_level, count(*) AS total FROM sizes WHERE counted)`;
		},
		body: () => `FROM triples tr
JOIN pairs ab ON ab.a = tr.a AND ab.b = tr.b
JOIN pairs ac ON ac.a = tr.a AND ac.b = tr.c
JOIN pairs bc ON bc.a = tr.b AND bc.b = tr.c
JOIN items ia ON ia.id = tr.a
JOIN items ib ON ib.id = tr.b
JOIN items ic ON ic.id = tr.c
CROSS JOIN t
ORDER BY item_a, item_b, item_c`
	});
}
