import { quoteString } from '../data/sql';
import { BASKET_LEVELS, type BasketLevel } from './basket-sets';
import { column, factTableSteps, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

// Pairs of distinct products bought in the same basket (product_a < product_b), per level,
// with what support, confidence and lift need:
//   support = baskets / total_baskets, confidence(a→b) = baskets / baskets_a,
//   lift = baskets · total_baskets / (baskets_a · baskets_b).
// Only pairs in at least `minPairBaskets` baskets are kept (hence only products in that many).
export const PURCHASE_PAIR_COLUMNS = [
	column('level', 'VARCHAR', 't.level'),
	column('product_a', 'INTEGER', 'a.product_id'),
	column('product_b', 'INTEGER', 'b.product_id'),
	// Baskets holding both products.
	column('baskets', 'INTEGER', 'count(*)'),
	// Baskets holding product_a; holding product_b; all baskets of the level.
	column('baskets_a', 'INTEGER', 'min(a.baskets)'),
	column('baskets_b', 'INTEGER', 'min(b.baskets)'),
	column('total_baskets', 'INTEGER', 't.total')
];

/**
 * For each level, passes over hash partitions of product_a: each pair belongs to exactly one
 * pass, so a pass's counts are final and its pair hash table is bounded by the partition.
 */
export function purchasePairsSteps({ schema, partitions: n }: FactContext, minPairBaskets: number): StoreStep[] {
	if (!Number.isInteger(minPairBaskets) || minPairBaskets < 1) throw new Error(`invalid minPairBaskets: ${minPairBaskets}`);
	const items = storeTable(schema, 'basket_items');
	const passes = (Object.keys(BASKET_LEVELS) as BasketLevel[]).flatMap((level) => Array.from({ length: n }, (_, k) => ({ level, k })));
	return factTableSteps({
		schema,
		table: 'purchase_pairs',
		columns: PURCHASE_PAIR_COLUMNS,
		passes: passes.length,
		name: (i) => `purchase_pairs ${passes[i].level}${n > 1 ? ` ${passes[i].k + 1}/${n}` : ''}`,
		with: (i) => `bought AS (SELECT DISTINCT ${BASKET_LEVELS[passes[i].level]} AS basket, product_id FROM ${items}),
kept AS (SELECT basket, product_id, count(*) OVER (PARTITION BY product_id) AS baskets FROM bought QUALIFY baskets >= ${minPairBaskets}),
t AS (SELECT ${quoteString(passes[i].level)} AS level, count(DISTINCT basket) AS total FROM bought)`,
		body: (i) => `FROM kept AS a JOIN kept AS b ON a.basket = b.basket AND a.product_id < b.product_id CROSS JOIN t
${n > 1 ? `WHERE hash(a.product_id) % ${n} = ${passes[i].k}\n` : ''}GROUP BY ALL
HAVING count(*) >= ${minPairBaskets}
ORDER BY product_a, product_b`
	});
}
