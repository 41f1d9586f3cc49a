// The seeded, calibrated synthetic event generator, written as DuckDB SQL so the same code runs
// on native DuckDB (Node: files and benchmarks) and on DuckDB-WASM (browser: demo data straight
// into the OPFS database). Pure functions from options to SQL text; no Node or browser APIs.
//
// API
//   generatorPlan({ scale, seed, months })  → { setup, days, cleanup }
//     setup:   statements that build the catalogue, users and sessions (TEMP tables gen_*)
//     days:    one chunk per day: { day, date, month, select } where `select` yields that day's
//              typed rows (EVENT_COLUMNS / EVENT_COLUMN_TYPES) sorted by event_time
//     cleanup: statements that drop the gen_* tables and macros
//   generatorStatements(options, table = 'events') → setup + CREATE TABLE + one INSERT per day
//     + cleanup, for callers that just want a table (tests, the browser).
//   csvSelect(select) renders typed rows as the Kaggle CSV text columns.
//   fidelityQueries() (./fidelity) measures a built `events` table against the targets.
//
// Scale 1.0 ≈ 109.95M rows (5.3M users, 23M sessions); rows, users and sessions scale linearly,
// the catalogue (206,876 products, 691 category ids, 4,303 brands) is the same at every scale.
// Same seed and scale ⇒ the same rows in every engine: randomness is hashed from row keys
// (./hash), never from random(). Largest intermediate: the session table (~0.21 rows per event).

import { catalogueStatements } from './catalogue';
import { createEventsTableSql, daySelect } from './events';
import { HASH_MACROS, seedConstant } from './hash';
import { calendarStatements, dayDate, DAYS, mergeSessionsStatement, OCT_DAYS, sessionStatements } from './sessions';
import type { Statement } from './statement';
import { novemberStatements, population, userStatements } from './users';

export { EVENT_COLUMNS, EVENT_COLUMN_TYPES, EVENT_TYPES, createEventsTableSql, csvSelect } from './events';
export { population } from './users';
export type { Statement } from './statement';

export type Month = '2019-10' | '2019-11';
export const MONTHS: readonly Month[] = ['2019-10', '2019-11'];
/** The Kaggle file name of each month. */
export const MONTH_FILES: Record<Month, string> = { '2019-10': '2019-Oct', '2019-11': '2019-Nov' };
export const DEFAULT_SEED = 42;
export const MAX_SCALE = 20;

export interface GeneratorOptions {
	/** 1.0 ≈ the real data set's 109.95M rows; must be in (0, 20]. */
	scale: number;
	/** An integer in [0, 2^32); default 42. */
	seed?: number;
	/** Months whose days are emitted (both are always simulated: November depends on October). */
	months?: readonly Month[];
}

export interface DayChunk {
	day: number;
	date: string;
	month: Month;
	select: string;
}

export interface GeneratorPlan {
	scale: number;
	seed: number;
	setup: Statement[];
	days: DayChunk[];
	cleanup: Statement[];
}

const TABLES = [
	'gen_brands', 'gen_pools', 'gen_categories', 'gen_products', 'gen_brand_products', 'gen_brand_groups', 'gen_cat_slots',
	'gen_affinity', 'gen_loyal', 'gen_days', 'gen_hour_slots', 'gen_users', 'gen_plan_0', 'gen_plan_1',
	'gen_sessions_0', 'gen_sessions_1', 'gen_oct', 'gen_nov', 'gen_sessions'
];

export function normaliseOptions(options: GeneratorOptions): Required<GeneratorOptions> {
	const { scale, seed = DEFAULT_SEED, months = MONTHS } = options;
	if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
		throw new Error(`invalid scale: ${scale} (a number in (0, ${MAX_SCALE}])`);
	}
	seedConstant(seed);
	for (const m of months) if (!MONTHS.includes(m)) throw new Error(`invalid month: ${m}`);
	return { scale, seed, months };
}

export function generatorPlan(options: GeneratorOptions): GeneratorPlan {
	const { scale, seed, months } = normaliseOptions(options);
	const seedKey = seedConstant(seed);
	const setup: Statement[] = [
		...HASH_MACROS.map((sql, i) => ({ name: `hash macro ${i + 1}`, sql })),
		...catalogueStatements(seedKey),
		...calendarStatements(),
		...userStatements(scale, seedKey),
		...sessionStatements(0),
		...novemberStatements(scale),
		...sessionStatements(1),
		mergeSessionsStatement(),
		{ name: 'drop month sessions', sql: `DROP TABLE gen_sessions_0; DROP TABLE gen_sessions_1` }
	];
	const days: DayChunk[] = [];
	for (let day = 1; day <= DAYS; day++) {
		const month: Month = day <= OCT_DAYS ? '2019-10' : '2019-11';
		if (months.includes(month)) days.push({ day, date: dayDate(day), month, select: daySelect(day, seedKey) });
	}
	const cleanup: Statement[] = [
		{ name: 'drop generator tables', sql: TABLES.map((t) => `DROP TABLE IF EXISTS ${t}`).join('; ') },
		{ name: 'drop generator macros', sql: `DROP MACRO IF EXISTS gen_h; DROP MACRO IF EXISTS gen_mix` }
	];
	return { scale, seed, setup, days, cleanup };
}

/** Every statement needed to build `table` (typed, sorted by event_time) from nothing. */
export function generatorStatements(options: GeneratorOptions, table = 'events'): Statement[] {
	const plan = generatorPlan(options);
	return [
		...plan.setup,
		{ name: `create ${table}`, sql: createEventsTableSql(table) },
		...plan.days.map((d) => ({ name: `events ${d.date}`, sql: `INSERT INTO ${table} ${d.select}` })),
		...plan.cleanup
	];
}

/** Expected size of the output, for progress bars. */
export function expectedRows(scale: number): number {
	return Math.round(109_950_743 * scale);
}

export { population as expectedPopulation };
