import { quoteString } from '../data/sql';
import { BASKET_COMBINATIONS, basketSetsCtes, checkMaxItems } from './basket-sets';
import { column, factTableSteps, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';

// Pairs of category codes, and of brands, bought in the same basket (item_a < item_b), per
// basket level, with the counts support, confidence and lift need (as purchase_pairs for
// products). Every pair is kept, even one seen in a single basket: there are few labels, so
// the table stays small, and the notebook's minimum pair count then filters it exactly.
// Baskets over the item cap are left out of every count, the totals included.
export const ITEM_PAIR_COLUMNS = [
	column('level', 'VARCHAR', 'any_value(t.level)'),
	column('item_level', 'VARCHAR', 'any_value(t.item_level)'),
	column('item_a', 'VARCHAR', 'a.item'),
	column('item_b', 'VARCHAR', 'b.item'),
	// Baskets holding both items; holding item_a; holding item_b; all baskets of the level.
	column('baskets', 'INTEGER', 'count(*)'),
	column('baskets_a', 'INTEGER', 'min(a.baskets)'),
	column('baskets_b', 'INTEGER', 'min(b.baskets)'),
	column('total_baskets', 'INTEGER', 'min(t.total)')
];

const LABEL_PAIRS = BASKET_COMBINATIONS.filter((c) => c.itemLevel !== 'product');

/** One pass per (basket level, label level): the self-join is bounded by the item cap. */
export function itemPairsSteps({ schema }: FactContext, maxItems: number): StoreStep[] {
	checkMaxItems(maxItems);
	return factTableSteps({
		schema,
		table: 'item_pairs',
		columns: ITEM_PAIR_COLUMNS,
		passes: LABEL_PAIRS.length,
		name: (k) => `item_pairs ${LABEL_PAIRS[k].level} ${LABEL_PAIRS[k].itemLevel}`,
		with: (k) => {
			const { level, itemLevel } = LABEL_PAIRS[k];
			return `${basketSetsCtes(schema, level, itemLevel, maxItems)},
item_baskets AS (SELECT item, count(*) AS baskets FROM sets GROUP BY item),
kept AS (SELECT s.basket, s.item, i.baskets FROM sets s JOIN item_baskets i USING (item) WHERE s.basket_size >= 2),
t AS (SELECT ${quoteString(level)} AS level, ${quoteString(itemLevel)} AS item_level, count(*) AS total FROM sizes WHERE counted)`;
		},
		body: () => `FROM kept AS a JOIN kept AS b ON a.basket = b.basket AND a.item < b.item CROSS JOIN t
GROUP BY a.item, b.item
ORDER BY item_a, item_b`
	});
}
