// The optimised store: SQL (pure functions of options) that turns raw event batches into the
// compact `events` table and builds the fact tables the notebook queries. No engine calls here;
// callers run the steps in order, with progress and CHECKPOINTs between them.
//
//   appendEventsSql(source, { rows | passes, invalidRows, staged, schema }) → steps
//   appendMarkSql(schema) before a batch, undoAppendSql(mark, schema) if it was interrupted
//   buildStorePlan({ rows, months, partitions?, minPairBaskets?, maxBasketItems?, maxTripleItems?, schema }) → steps
//   storeReportSql({ tables, schema }) → per-column rows, types, compression, bytes
//   storeTablesSql(schema), eventMonthsSql(schema), DATABASE_SIZE_SQL
//   addPartitionSql / attachEventPartitions: `events` as a view over partition files
//
// Memory: DuckDB-WASM cannot spill operator state (DESIGN §3), so every sort, GROUP BY and
// join runs over one bounded slice: time slices of a batch, session-id ranges, hash partitions
// of user_id / product_id, or windows of whole days. partitionsFor(rows) picks ~10M rows a pass.
export { appendEventsSql, type AppendEventsOptions } from './append-events';
export { BASKET_ITEM_COLUMNS } from './basket-items-table';
export { buildStorePlan, type StorePlanOptions } from './build-store-plan';
export { COLUMN_STAT_COLUMNS } from './column-stats-table';
export { DAILY_COLUMNS } from './daily-table';
export { dayCountsSql, dayWindows, ROWS_PER_WINDOW, type DayCount } from './day-windows';
export {
	addPartitionSql,
	attachEventPartitions,
	eventsViewSql,
	partitionName,
	partitionTable,
	readEventPartitions,
	ROWS_PER_PARTITION,
	STAGING_DATABASE
} from './event-partitions';
export { EVENT_COLUMNS } from './event-columns';
export { eventMonthsSql } from './event-months';
export { EVENTS_LAYOUT } from './events-layout';
export type { FactColumn } from './fact-table';
export { HOURLY_COLUMNS } from './hourly-table';
export { partitionsFor, ROWS_PER_PASS } from './partitions-for';
export { prepareStoreSql } from './prepare-store';
export { PRICE_COUNT_COLUMNS } from './price-counts-table';
export { PRODUCT_COLUMNS } from './products-table';
export { PURCHASE_PAIR_COLUMNS } from './purchase-pairs-table';
export {
	BASKET_COMBINATIONS,
	BASKET_ITEM_LEVELS,
	BASKET_LEVELS,
	BASKET_MAX_ITEMS,
	type BasketItemLevel,
	type BasketLevel
} from './basket-sets';
export { BASKET_STAT_COLUMNS } from './basket-stats-table';
export { ITEM_PAIR_COLUMNS } from './item-pairs-table';
export { BASKET_MAX_TRIPLE_ITEMS, ITEM_TRIPLE_COLUMNS, itemTriplesSteps, type ItemTriplesOptions, type MinTripleBaskets } from './item-triples-table';
export { missingFactSteps } from './missing-fact-steps';
export { SESSION_COLUMNS } from './sessions-table';
export { DATABASE_SIZE_SQL, storeReportSql, storeTablesSql } from './store-report';
export type { StoreStep } from './store-step';
export { EVENT_KINDS, STORE_TABLES, type EventKind, type StoreTable } from './store-tables';
export { appendMarkSql, undoAppendSql, type AppendMark } from './undo-append';
export { USER_WEEK_COLUMNS } from './user-weeks-table';
export { PHONE_CATEGORY, USER_DAY_COLUMNS } from './user-days-table';
export { FEATURE_CUT_DAYS, featureCutsSql, USER_FEATURE_COLUMNS } from './user-features-table';
export { activeMonthColumn, USER_COLUMNS } from './users-table';
