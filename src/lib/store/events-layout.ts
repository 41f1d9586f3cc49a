import { quoteIdent, quoteString } from '../data/sql';
import { EVENT_KIND_TYPE, EVENT_KINDS } from './store-tables';

// The compact `events` table: the raw columns analysts know, in their order, with
// user_session replaced by a dense session_id (the strings live once, in session_dict).
//
// price is DECIMAL(9,2). Measured as DuckDB stores the sample's prices in time order: 2.26
// bytes a price bit-packed, DOUBLE 2.27 (ALP), FLOAT ~3.3 (ALP, and inexact: 2574.07 reads back
// as 2574.070068). Only DECIMAL sums exactly (revenue 1488583.16, not 1488583.1599999992), and
// its INT32 is half a DOUBLE in hash tables and sorts. Source prices are whole cents.
// product_id and user_id fit INTEGER (real maxima ≈ 1e8 and 6e8); category_id has 19 digits.

export const EVENTS_LAYOUT = [
	['event_time', 'TIMESTAMP'],
	['event_type', EVENT_KIND_TYPE],
	['product_id', 'INTEGER'],
	['category_id', 'BIGINT'],
	['category_code', 'VARCHAR'],
	['brand', 'VARCHAR'],
	['price', 'DECIMAL(9,2)'],
	['user_id', 'INTEGER'],
	['session_id', 'INTEGER']
] as const;

/** `ENUM('view', 'cart', …)`, as duckdb_columns() spells the event_type column's type. */
export const EVENT_KIND_ENUM = `ENUM(${EVENT_KINDS.map(quoteString).join(', ')})`;

/** [column, type] of events, with `kindType` for event_type (the ENUM type's name, or inline). */
export function eventsColumnTypes(kindType: string): [string, string][] {
	return EVENTS_LAYOUT.map(([name, type]) => [name, type === EVENT_KIND_TYPE ? kindType : type]);
}

/** The events layout as duckdb_columns() reports it: `event_time TIMESTAMP, …`. */
export function eventsLayoutText(): string {
	return eventsColumnTypes(EVENT_KIND_ENUM).map(([name, type]) => `${name} ${type}`).join(', ');
}

export function eventsColumnsDdl(kindType: string): string {
	return eventsColumnTypes(kindType).map(([name, type]) => `${quoteIdent(name)} ${type}`).join(', ');
}
