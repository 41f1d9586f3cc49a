import { tzOffsetHoursSql } from './tz-offset';

/** A CTE body: the rows of `hourly` with `local_hour`, the UTC hour bucket shifted by the offset. */
export function localHoursSql(tzOffsetHours: string): string {
	return `SELECT hour + to_hours(tz.hours) AS local_hour, events, purchases, revenue, users, buyers
  FROM hourly, (SELECT ${tzOffsetHoursSql(tzOffsetHours)} AS hours) AS tz`;
}

/** ISO weekday (1 = Monday) → short English name, as DuckDB list indexing (1-based). */
export const WEEKDAY_NAMES = `['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']`;
