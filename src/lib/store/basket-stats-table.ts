import { quoteString } from '../data/sql';
import { BASKET_COMBINATIONS, basketSetsCtes, checkMaxItems } from './basket-sets';
import { column, factTableSteps, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';

// One row per (basket level, item level): what the notebook's basket summary shows, counted
// once at build so that changing a basket input reads 6 rows instead of re-deriving the
// baskets from basket_items (1.7M rows at 109.9M events: seconds in the browser).
export const BASKET_STAT_COLUMNS = [
	column('level', 'VARCHAR', 'level'),
	column('item_level', 'VARCHAR', 'item_level'),
	// The item cap the counts were made with; NULL at product level (never capped).
	column('max_items', 'INTEGER', 'max_items'),
	// N, the denominator of support: baskets holding at least one item of the level, within the cap.
	column('total_baskets', 'INTEGER', 'count(*) FILTER (WHERE counted)'),
	column('baskets_with_2_plus_items', 'INTEGER', 'count(*) FILTER (WHERE counted AND basket_size >= 2)'),
	column('avg_items_per_basket', 'DOUBLE', 'avg(basket_size) FILTER (WHERE counted)'),
	column('baskets_left_out', 'INTEGER', 'count(*) FILTER (WHERE NOT counted)'),
	column('distinct_items', 'INTEGER', '(SELECT count(DISTINCT item) FROM sets)')
];

/** Six small passes (one per combination) over basket_items. */
export function basketStatsSteps({ schema }: FactContext, maxItems: number): StoreStep[] {
	checkMaxItems(maxItems);
	return factTableSteps({
		schema,
		table: 'basket_stats',
		columns: BASKET_STAT_COLUMNS,
		passes: BASKET_COMBINATIONS.length,
		name: (k) => `basket_stats ${BASKET_COMBINATIONS[k].level} ${BASKET_COMBINATIONS[k].itemLevel}`,
		with: (k) => {
			const { level, itemLevel } = BASKET_COMBINATIONS[k];
			return `${basketSetsCtes(schema, level, itemLevel, maxItems)},
labels AS (SELECT ${quoteString(level)} AS level, ${quoteString(itemLevel)} AS item_level, ${itemLevel === 'product' ? 'NULL' : maxItems}::INTEGER AS max_items)`;
		},
		body: () => `FROM labels LEFT JOIN sizes ON true
GROUP BY ALL`
	});
}
