/** Offsets the time-zone input allows, in whole hours (UTC−12 to UTC+14). */
export const TZ_OFFSET_MIN = -12;
export const TZ_OFFSET_MAX = 14;

/**
 * A scalar subquery: `offset` (an SQL expression, a literal or `$tz_offset_hours`, read once and
 * cast to DOUBLE) as an INTEGER, or a query error naming the value. Only whole hours: `hourly`
 * holds UTC hour buckets, which a whole-hour shift maps onto local hour buckets exactly; a
 * half-hour zone would split every bucket in two.
 */
export function tzOffsetHoursSql(offset: string): string {
	return `(
    SELECT CASE
      WHEN v IS NULL OR v <> round(v) OR v NOT BETWEEN ${TZ_OFFSET_MIN} AND ${TZ_OFFSET_MAX}
      THEN error('invalid time-zone offset ' || coalesce(CAST(v AS VARCHAR), 'NULL') || ': expected whole hours from ${TZ_OFFSET_MIN} to ${TZ_OFFSET_MAX}')
      ELSE CAST(v AS INTEGER)
    END
    FROM (SELECT CAST(${offset} AS DOUBLE) AS v)
  )`;
}
