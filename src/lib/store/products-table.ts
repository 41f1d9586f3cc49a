import { ACTIVITY_COLUMNS, column, factTableSteps, hashPart, IS_PURCHASE, lastOf, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

// One row per product_id of `events`. Labels are the latest non-NULL value seen (largest on a
// tie), since a product's brand or category can be missing on some rows.
export const PRODUCT_COLUMNS = [
	column('product_id', 'INTEGER', 'product_id'),
	column('category_id', 'BIGINT', lastOf('category_id')),
	column('category_code', 'VARCHAR', lastOf('category_code')),
	column('brand', 'VARCHAR', lastOf('brand')),
	...ACTIVITY_COLUMNS,
	// Distinct users who bought it.
	column('buyers', 'INTEGER', `count(DISTINCT user_id) FILTER (WHERE ${IS_PURCHASE})`),
	// Prices over all its events (views too): mean, median (mean of the middle two on an
	// even count), lowest and highest.
	column('avg_price', 'DOUBLE', 'avg(price::DOUBLE)'),
	column('median_price', 'DOUBLE', 'median(price::DOUBLE)'),
	column('min_price', 'DECIMAL(9,2)', 'min(price)'),
	column('max_price', 'DECIMAL(9,2)', 'max(price)')
];

/** Passes over hash partitions of product_id (the median keeps every price of a product). */
export function productsSteps({ schema, partitions: n }: FactContext): StoreStep[] {
	return factTableSteps({
		schema,
		table: 'products',
		columns: PRODUCT_COLUMNS,
		passes: n,
		body: (k) => `FROM ${storeTable(schema, 'events')}\nWHERE ${hashPart('product_id', k, n)}\nGROUP BY product_id\nORDER BY product_id`
	});
}
