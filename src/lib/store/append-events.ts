import { qualified, quoteIdent } from '../data/sql';
import { EVENT_COLUMNS } from './event-columns';
import { EVENT_KIND_ENUM } from './events-layout';
import { invalidReasonSql, rejectInvalidRowsSql } from './invalid-rows';
import { partitionsFor, passCount } from './partitions-for';
import { prepareStoreSql } from './prepare-store';
import type { StoreStep } from './store-step';
import { DEFAULT_SCHEMA, EVENT_KIND_TYPE, storeTable } from './store-tables';

export interface AppendEventsOptions {
	schema?: string;
	/** Rows expected in the batch (a guess from file size will do): sets the number of passes. */
	rows?: number;
	/** Passes over time slices of the batch; overrides `rows`. */
	passes?: number;
	/** `reject` (default): any invalid row fails the batch before anything is written.
	 *  `route`: invalid rows go to `events_rejected` with their reason; the rest is appended. */
	invalidRows?: 'reject' | 'route';
	/** The source is already a table the caller owns and may be scanned several times. */
	staged?: boolean;
	/** The table pass k of `passes` appends to (a partition of events, event-partitions.ts);
	 *  default `<schema>.events`, a table created by the prepare step. */
	target?: (pass: number, passes: number) => string;
}

const SPAN = `getvariable('store_span')`;

/** Rows an append pass sorts at once: measured, 9M rows a pass ran out of a 2.5 GiB limit in
 *  DuckDB-WASM (18M-row month, renderer at 3.3 GB), so appends use smaller slices than builds. */
export const APPEND_ROWS_PER_PASS = 5_000_000;

/**
 * Appends one batch (a month file, say) of raw events to `events`, as steps:
 * prepare → stage (copy the source once into a persistent table, so it is parsed once and can
 * be evicted to OPFS) → check (or route) invalid rows → for each time slice of the batch:
 * give its new sessions ids, then insert its rows sorted by event_time → drop the staging table.
 *
 * `source` is SQL text for a relation with the raw columns (a table, or readEventsCsv(...)).
 * Session ids are dense and stable: a session already in session_dict keeps its id, new ones
 * get the next ids in order of their first event (ties by user_session). Slicing bounds every
 * sort, GROUP BY and join to one slice of the batch (plus session_dict on the build side).
 */
export function appendEventsSql(source: string, options: AppendEventsOptions = {}): StoreStep[] {
	const schema = options.schema ?? DEFAULT_SCHEMA;
	const passes = options.passes !== undefined ? passCount(options.passes) : partitionsFor(options.rows ?? 0, APPEND_ROWS_PER_PASS);
	const invalidRows = options.invalidRows ?? 'reject';
	if (invalidRows !== 'reject' && invalidRows !== 'route') throw new Error(`invalid invalidRows: ${invalidRows}`);
	const route = invalidRows === 'route';
	const staging = options.staged ? source : storeTable(schema, 'events_staging');
	const target = options.target ?? (() => storeTable(schema, 'events'));
	// A partition's event_type is an inline ENUM: a table cannot use another catalog's type.
	const kind = options.target ? EVENT_KIND_ENUM : qualified(schema, EVENT_KIND_TYPE);
	const dict = storeTable(schema, 'session_dict');
	const raw = EVENT_COLUMNS.map(([name]) => quoteIdent(name)).join(', ');
	const valid = route ? `(${invalidReasonSql}) IS NULL` : 'TRUE';

	const steps: StoreStep[] = [{ name: 'prepare store', sql: prepareStoreSql(schema, { eventsTable: !options.target }) }];
	if (!options.staged) {
		steps.push({ name: 'stage events', sql: `CREATE OR REPLACE TABLE ${staging} AS SELECT ${raw} FROM ${source}` });
	}
	steps.push(
		route
			? {
					name: 'route invalid rows',
					sql: `INSERT INTO ${storeTable(schema, 'events_rejected')}
SELECT ${raw}, reason FROM (SELECT ${raw}, ${invalidReasonSql} AS reason FROM ${staging}) WHERE reason IS NOT NULL`
				}
			: { name: 'check events', sql: rejectInvalidRowsSql(staging) }
	);

	for (let k = 0; k < passes; k++) {
		const slice = sliceCondition(k, passes);
		const prelude = passes > 1 ? `SET VARIABLE store_span = (SELECT [epoch_us(min(event_time)), epoch_us(max(event_time))] FROM ${staging});\n` : '';
		const of = passes > 1 ? ` ${k + 1}/${passes}` : '';
		steps.push({
			name: `session ids${of}`,
			// The dictionary grows to every session of the log (23M at full scale): it is only ever
			// probed, while hash tables are built from this slice's sessions, so memory follows the
			// slice, not the dictionary.
			sql: `${prelude}INSERT INTO ${dict}
SELECT (SELECT coalesce(max(session_id), 0) FROM ${dict}) + row_number() OVER (ORDER BY first_time, user_session), user_session
FROM (
	WITH batch AS (
		SELECT user_session, min(event_time) AS first_time FROM ${staging}
		WHERE user_session IS NOT NULL AND ${slice} AND ${valid}
		GROUP BY user_session
	),
	known AS (SELECT d.user_session FROM ${dict} AS d SEMI JOIN batch AS b ON d.user_session = b.user_session)
	SELECT batch.* FROM batch ANTI JOIN known ON batch.user_session = known.user_session
)`
		});
		steps.push({
			name: `append events${of}`,
			sql: `${prelude}INSERT INTO ${target(k, passes)}
SELECT e.event_time, e.event_type::${kind}, e.product_id::INTEGER, e.category_id,
	e.category_code, e.brand, e.price::DECIMAL(9,2), e.user_id::INTEGER, d.session_id
FROM ${staging} AS e LEFT JOIN (
	SELECT d.session_id, d.user_session FROM ${dict} AS d
	SEMI JOIN (SELECT DISTINCT user_session FROM ${staging} WHERE user_session IS NOT NULL AND ${slice}) AS s ON d.user_session = s.user_session
) AS d ON d.user_session = e.user_session
WHERE ${slice} AND ${valid}
ORDER BY e.event_time`
		});
	}
	if (!options.staged) steps.push({ name: 'drop staging', sql: `DROP TABLE IF EXISTS ${staging}` });
	return steps;
}

/** Slice k of n equal spans of the batch's event times; the first and last are open-ended. */
function sliceCondition(k: number, n: number): string {
	if (n === 1) return 'TRUE';
	const bound = (i: number) => `make_timestamp(${SPAN}[1] + (${SPAN}[2] - ${SPAN}[1]) * ${i} // ${n})`;
	const parts: string[] = [];
	if (k > 0) parts.push(`event_time >= ${bound(k)}`);
	if (k < n - 1) parts.push(`event_time < ${bound(k + 1)}`);
	return parts.join(' AND ');
}
