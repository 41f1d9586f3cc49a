import { BASKET_MAX_ITEMS } from './basket-sets';
import { basketStatsSteps } from './basket-stats-table';
import { columnStatsSteps } from './column-stats-table';
import type { FactContext } from './fact-table';
import { itemPairsSteps } from './item-pairs-table';
import { BASKET_MAX_TRIPLE_ITEMS, itemTriplesSteps } from './item-triples-table';
import { priceCountsSteps } from './price-counts-table';
import type { StoreStep } from './store-step';
import { userDaysSteps } from './user-days-table';
import { userFeaturesSteps } from './user-features-table';
import { DEFAULT_SCHEMA, type StoreTable } from './store-tables';

// Fact tables added to the build after stores were already saved in users' browsers, each with
// the steps that make it from tables every finished store has. A store opened without one gets
// it added instead of a notebook whose cells fail: seconds, as basket_stats, item_pairs and
// item_triples read basket_items, and price_counts is one grouped pass over events (4 s at
// 109.9M rows). user_days groups events by user and day, so it takes the store's bounded passes.
// item_triples keeps the triples in as many baskets as the store's recorded min_pair_baskets,
// as a build of that store would have. column_stats reads events twice (an ungrouped pass and
// one grouped by category_id, category_code and brand) and reads price_counts, so it comes after
// it here: a store lacking both gets price_counts first. user_features reads user_days and
// sessions, so it comes after user_days.
const ADDED: { table: StoreTable; steps: (ctx: FactContext) => StoreStep[] }[] = [
	{ table: 'basket_stats', steps: (ctx) => basketStatsSteps(ctx, BASKET_MAX_ITEMS) },
	{ table: 'item_pairs', steps: (ctx) => itemPairsSteps(ctx, BASKET_MAX_ITEMS) },
	{ table: 'item_triples', steps: (ctx) => itemTriplesSteps(ctx, { maxItems: BASKET_MAX_TRIPLE_ITEMS, minBaskets: 'stored' }) },
	{ table: 'price_counts', steps: (ctx) => priceCountsSteps(ctx) },
	{ table: 'column_stats', steps: (ctx) => columnStatsSteps(ctx) },
	{ table: 'user_days', steps: (ctx) => userDaysSteps(ctx) },
	{ table: 'user_features', steps: (ctx) => userFeaturesSteps(ctx) }
];

/**
 * Steps that add the fact tables missing from a finished store, given the tables it has and
 * the passes its build used (recorded in `store_build`).
 */
export function missingFactSteps(existing: readonly string[], schema = DEFAULT_SCHEMA, partitions = 1): StoreStep[] {
	const ctx: FactContext = { schema, partitions, months: [], windows: [] };
	return ADDED.filter((a) => !existing.includes(a.table)).flatMap((a) => a.steps(ctx));
}
