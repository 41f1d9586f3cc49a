import { quoteString } from '../data/sql';
import { basketItemsSteps } from './basket-items-table';
import { BASKET_MAX_ITEMS } from './basket-sets';
import { basketStatsSteps } from './basket-stats-table';
import { columnStatsSteps } from './column-stats-table';
import { dailySteps } from './daily-table';
import type { FactContext } from './fact-table';
import { dayWindows, type DayCount } from './day-windows';
import { hourlySteps } from './hourly-table';
import { itemPairsSteps } from './item-pairs-table';
import { BASKET_MAX_TRIPLE_ITEMS, itemTriplesSteps } from './item-triples-table';
import { monthWindows, normaliseMonths } from './month-windows';
import { partitionsFor, passCount, ROWS_PER_PASS } from './partitions-for';
import { priceCountsSteps } from './price-counts-table';
import { productsSteps } from './products-table';
import { purchasePairsSteps } from './purchase-pairs-table';
import { sessionsSteps } from './sessions-table';
import type { StoreStep } from './store-step';
import { DEFAULT_SCHEMA, storeTable } from './store-tables';
import { userDaysSteps } from './user-days-table';
import { userFeaturesSteps } from './user-features-table';
import { userWeeksSteps } from './user-weeks-table';
import { usersSteps } from './users-table';

export interface StorePlanOptions {
	/** Rows in `events`; sets the number of passes unless `partitions` is given. */
	rows: number;
	/** `YYYY-MM` months of the data: users get an `active_<YYYY_MM>` flag for each, and day
	 *  windows are cut within them (rows outside still land in the first or last window). */
	months: readonly string[];
	schema?: string;
	/** Passes of every bounded build; default partitionsFor(rows, rowsPerPass). */
	partitions?: number;
	rowsPerPass?: number;
	/** purchase_pairs and item_triples keep pairs and triples bought together in at least this many baskets; default 2. */
	minPairBaskets?: number;
	/** basket_stats and item_pairs leave out label baskets with more distinct items; default BASKET_MAX_ITEMS. */
	maxBasketItems?: number;
	/** item_triples leaves out label baskets with more distinct items; default BASKET_MAX_TRIPLE_ITEMS. */
	maxTripleItems?: number;
	/** Rows per day of `events` (dayCountsSql): day windows are then packed by rows
	 *  (day-windows.ts) instead of cut into equal spans of the months. */
	days?: readonly DayCount[];
	/** With `days`: rows a window holds at most; default ROWS_PER_WINDOW. */
	rowsPerWindow?: number;
}

/**
 * Every fact table, rebuilt from `events`, as ordered steps. The first step drops the
 * `store_build` marker and the last writes it, so a build that was interrupted is visible as
 * such (no marker) and is redone from the start.
 */
export function buildStorePlan(options: StorePlanOptions): StoreStep[] {
	const schema = options.schema ?? DEFAULT_SCHEMA;
	const partitions =
		options.partitions !== undefined ? passCount(options.partitions) : partitionsFor(options.rows, options.rowsPerPass ?? ROWS_PER_PASS);
	const months = normaliseMonths(options.months);
	const minPairBaskets = options.minPairBaskets ?? 2;
	const maxBasketItems = options.maxBasketItems ?? BASKET_MAX_ITEMS;
	const maxTripleItems = options.maxTripleItems ?? BASKET_MAX_TRIPLE_ITEMS;
	const windows = options.days ? dayWindows(options.days, options.rowsPerWindow) : monthWindows(months, partitions);
	const ctx: FactContext = { schema, partitions, months, windows };
	const marker = storeTable(schema, 'store_build');
	return [
		{ name: 'start build', sql: `DROP TABLE IF EXISTS ${marker}` },
		...sessionsSteps(ctx),
		...usersSteps(ctx),
		...userWeeksSteps(ctx),
		...userDaysSteps(ctx),
		// After sessions and user_days, which it reads.
		...userFeaturesSteps(ctx),
		...dailySteps(ctx),
		...hourlySteps(ctx),
		...productsSteps(ctx),
		...priceCountsSteps(ctx),
		// After daily, products, users, sessions and price_counts, which it reads.
		...columnStatsSteps(ctx),
		...basketItemsSteps(ctx),
		...purchasePairsSteps(ctx, minPairBaskets),
		...basketStatsSteps(ctx, maxBasketItems),
		...itemPairsSteps(ctx, maxBasketItems),
		...itemTriplesSteps(ctx, { maxItems: maxTripleItems, minBaskets: minPairBaskets }),
		{
			name: 'finish build',
			sql: `CREATE TABLE ${marker} AS SELECT CAST(get_current_timestamp() AS TIMESTAMP) AS built_at,
	(SELECT count(*) FROM ${storeTable(schema, 'events')}) AS events, ${partitions} AS partitions,
	${months.length ? `[${months.map(quoteString).join(', ')}]` : '[]::VARCHAR[]'} AS months, ${minPairBaskets} AS min_pair_baskets`
		}
	];
}
