import { quoteIdent, quoteString } from '../data/sql';
import type { StoreStep } from './store-step';
import { storeTable, type EventKind, type StoreTable } from './store-tables';

/** A fact-table column: its name, stored type and the aggregate that computes it. */
export interface FactColumn {
	name: string;
	type: string;
	expr: string;
}

/** What every fact-table builder gets from the plan. */
export interface FactContext {
	schema: string;
	/** Passes for builds that need bounded memory (≥ 1). */
	partitions: number;
	/** Normalised `YYYY-MM` months of the data, for per-month flags and day windows. */
	months: readonly string[];
	/** event_time conditions of the day windows (month-windows.ts), in time order. */
	windows: readonly string[];
}

export const column = (name: string, type: string, expr: string): FactColumn => ({ name, type, expr });

/** Rows of one event type. */
export const countOf = (kind: EventKind) => `count(*) FILTER (WHERE event_type = ${quoteString(kind)})`;

export const IS_PURCHASE = `event_type = 'purchase'`;

/** Sum of purchase prices, 0 when there are none. */
export const REVENUE = `coalesce(sum(price) FILTER (WHERE ${IS_PURCHASE}), 0)`;

/** events, views, carts, removes, purchases, revenue: the activity counts most fact tables share. */
export const ACTIVITY_COLUMNS: readonly FactColumn[] = [
	column('events', 'INTEGER', 'count(*)'),
	column('views', 'INTEGER', countOf('view')),
	column('carts', 'INTEGER', countOf('cart')),
	column('removes', 'INTEGER', countOf('remove_from_cart')),
	column('purchases', 'INTEGER', countOf('purchase')),
	column('revenue', 'DECIMAL(18,2)', REVENUE)
];

/** The value of `col` on the earliest row where it is not NULL; ties go to the smallest value. */
export const firstOf = (col: string) => `arg_min(${col}, {t: event_time, v: ${col}}) FILTER (WHERE ${col} IS NOT NULL)`;

/** The value of `col` on the latest row where it is not NULL; ties go to the largest value. */
export const lastOf = (col: string) => `arg_max(${col}, {t: event_time, v: ${col}}) FILTER (WHERE ${col} IS NOT NULL)`;

/** `hash(col) % n = k`: pass k of n over hash partitions; every row when n = 1. */
export function hashPart(col: string, k: number, n: number): string {
	return n === 1 ? `${col} IS NOT NULL` : `${col} IS NOT NULL AND hash(${col}) % ${n} = ${k}`;
}

export interface FactTableSpec {
	schema: string;
	table: StoreTable;
	columns: readonly FactColumn[];
	passes: number;
	/** What follows `SELECT <columns>` in pass k: FROM, WHERE, GROUP BY, ORDER BY. */
	body: (k: number) => string;
	/** A WITH clause for pass k (without the keyword). */
	with?: (k: number) => string;
	/** Statements run before pass k's INSERT, in the same step (e.g. SET VARIABLE). */
	prelude?: (k: number) => string;
	/** Step name of pass k; default `<table> k/n`. */
	name?: (k: number) => string;
}

/**
 * Steps that (re)create a fact table and fill it one pass at a time. The first pass also
 * replaces the table, so a rebuild never appends to stale rows.
 */
export function factTableSteps(spec: FactTableSpec): StoreStep[] {
	const { table, columns, passes } = spec;
	const target = storeTable(spec.schema, table);
	const ddl = `CREATE OR REPLACE TABLE ${target} (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')});\n`;
	const list = columns.map((c) => `${c.expr} AS ${quoteIdent(c.name)}`).join(',\n\t');
	return Array.from({ length: passes }, (_, k) => ({
		name: spec.name?.(k) ?? (passes > 1 ? `${table} ${k + 1}/${passes}` : table),
		sql:
			(k === 0 ? ddl : '') +
			(spec.prelude?.(k) ?? '') +
			`INSERT INTO ${target}\n` +
			(spec.with ? `WITH ${spec.with(k)}\n` : '') +
			`SELECT\n\t${list}\n${spec.body(k)}`
	}));
}
