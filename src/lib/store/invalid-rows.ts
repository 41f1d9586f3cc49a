import { quoteString } from '../data/sql';
import { EVENT_KINDS } from './store-tables';

// Rows of a raw batch that `events` cannot hold, each with the first reason that applies and
// the offending value. Prices must be whole cents: the tolerance lets float32 sources (the
// seed's Parquet) through, whose cents are restored exactly by the DECIMAL(9,2) cast, and
// still catches a real third decimal.

const INT = '-2147483648 AND 2147483647';
const quoted = (column: string) => `coalesce('''' || ${column} || '''', 'NULL')`;

const CHECKS: readonly (readonly [condition: string, reason: string, example: string])[] = [
	['event_time IS NULL', 'without an event_time', `'NULL'`],
	[
		`event_type IS NULL OR event_type NOT IN (${EVENT_KINDS.map(quoteString).join(', ')})`,
		`with an unknown event_type (expected ${EVENT_KINDS.slice(0, -1).join(', ')} or ${EVENT_KINDS.at(-1)})`,
		quoted('event_type')
	],
	[`product_id NOT BETWEEN ${INT}`, 'with a product_id beyond INTEGER', 'product_id::VARCHAR'],
	[`user_id NOT BETWEEN ${INT}`, 'with a user_id beyond INTEGER', 'user_id::VARCHAR'],
	[
		'abs(price) >= 10000000 OR abs(price - round(price, 2)) > 0.0001 + abs(price) * 1e-7',
		'with a price that is not whole cents below 10,000,000',
		'price::VARCHAR'
	]
];

function caseOf(pick: (check: (typeof CHECKS)[number]) => string): string {
	return `CASE ${CHECKS.map((c) => `WHEN ${c[0]} THEN ${pick(c)}`).join(' ')} END`;
}

/** Over a raw batch's columns: why the row is refused, or NULL. */
export const invalidReasonSql = caseOf(([, reason]) => quoteString(reason));

/** A query that fails, naming counts, reasons and examples, if `relation` holds invalid rows. */
export function rejectInvalidRowsSql(relation: string): string {
	const summary = `n || CASE WHEN n = 1 THEN ' row ' ELSE ' rows ' END || reason || ', e.g. ' || examples`;
	return `SELECT CASE WHEN count(*) > 0 THEN error('cannot append events: ' || string_agg(${summary}, '; ' ORDER BY reason) || '; nothing was appended') END
FROM (
	SELECT reason, count(*) AS n, CASE WHEN min(example) = max(example) THEN min(example) ELSE min(example) || ', ' || max(example) END AS examples
	FROM (SELECT ${invalidReasonSql} AS reason, ${caseOf(([, , example]) => example)} AS example FROM ${relation})
	WHERE reason IS NOT NULL
	GROUP BY reason
)`;
}
