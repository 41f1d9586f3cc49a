import { column, factTableSteps, firstOf, IS_PURCHASE, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { storeTable } from './store-tables';

// Market-basket input: one row per (purchase session, user, product bought). A session basket
// is its rows with one session_id; a user basket all rows with one user_id. Labels come from
// the earliest purchase row that has them. Purchases are ~1.5% of events: one pass suffices.
export const BASKET_ITEM_COLUMNS = [
	column('session_id', 'INTEGER', 'session_id'),
	column('user_id', 'INTEGER', 'user_id'),
	column('product_id', 'INTEGER', 'product_id'),
	column('category_id', 'BIGINT', firstOf('category_id')),
	column('category_code', 'VARCHAR', firstOf('category_code')),
	column('brand', 'VARCHAR', firstOf('brand')),
	column('purchased_at', 'TIMESTAMP', 'min(event_time)'),
	// Purchase rows of the product in the session (exact duplicates included) and their prices.
	column('quantity', 'INTEGER', 'count(*)'),
	column('revenue', 'DECIMAL(18,2)', 'sum(price)')
];

export function basketItemsSteps({ schema }: FactContext): StoreStep[] {
	return factTableSteps({
		schema,
		table: 'basket_items',
		columns: BASKET_ITEM_COLUMNS,
		passes: 1,
		body: () => `FROM ${storeTable(schema, 'events')}
WHERE ${IS_PURCHASE} AND session_id IS NOT NULL AND user_id IS NOT NULL AND product_id IS NOT NULL
GROUP BY session_id, user_id, product_id
ORDER BY session_id, user_id, product_id`
	});
}
