import { qualified } from '../data/sql';

/** Tables of the optimised store, in build order. */
export const STORE_TABLES = [
	'events',
	'session_dict',
	'sessions',
	'users',
	'user_weeks',
	'user_days',
	'user_features',
	'daily',
	'hourly',
	'products',
	'price_counts',
	'column_stats',
	'basket_items',
	'purchase_pairs',
	'basket_stats',
	'item_pairs',
	'item_triples',
	'store_build'
] as const;

export type StoreTable = (typeof STORE_TABLES)[number] | 'events_staging' | 'events_rejected' | 'event_partitions';

/** Name of the ENUM type of `events.event_type`. */
export const EVENT_KIND_TYPE = 'event_kind';

export const EVENT_KINDS = ['view', 'cart', 'remove_from_cart', 'purchase'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const DEFAULT_SCHEMA = 'main';

/** A store table's quoted, schema-qualified name. */
export function storeTable(schema: string, name: StoreTable): string {
	return qualified(schema, name);
}
