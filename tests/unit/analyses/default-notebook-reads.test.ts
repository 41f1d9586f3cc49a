// A run of every cell of the default notebook reads fact tables, statistics counted at build and
// other cells, never the raw events: at 109.9M events one scan takes about 20 s in the browser.
// A cell may read `events` only if it is listed here with the reason its read stays cheap at
// any size. References come from each cell kind's own extraction, as the graph gets them.
import { describe, expect, it } from 'vitest';
import { STARTER_NOTEBOOK } from '../../../src/lib/app/starter-notebook';
import { DEFAULT_KINDS, readNotebook } from '../../../src/lib/runtime';
import { partitionName } from '../../../src/lib/store';

const ALLOWED: Record<string, string> = {
	rfm_scores:
		'max(event_time) over the rows at or after the last hour of hourly: the join hands that bound to ' +
		'each partition scan, whose zone maps skip every row group before it (events are stored in time ' +
		'order), so it reads the last hour only'
};

/** `cin_events_1`, `cin_events_2` …: catalogs of the partitions `events` is a view over. */
const PARTITION = new RegExp(`\\b${partitionName(1).replace(/1$/, '')}\\d+\\b`, 'i');

const doc = readNotebook(STARTER_NOTEBOOK);
const readers = doc.cells
	.filter((c) => c.kind !== 'markdown')
	.filter((c) => DEFAULT_KINDS.get(c.kind)!.references(c).tables.has('events') || PARTITION.test(c.source))
	.map((c) => c.name ?? c.id);

describe('the default notebook', () => {
	it('has no cell reading the raw events but those allowed, each with its reason', () => {
		expect(readers.filter((name) => !(name in ALLOWED))).toEqual([]);
	});

	it('still reads events in every allowed cell (a cell that no longer does leaves the list)', () => {
		expect([...readers].sort()).toEqual(Object.keys(ALLOWED).sort());
	});

	it('finds a read of events in each kind of SQL it holds: a CTE, a schema-qualified name, a partition catalog', () => {
		const sql = DEFAULT_KINDS.get('sql')!;
		const cell = (source: string) => ({ ...doc.cells.find((c) => c.kind === 'sql')!, source });
		expect(sql.references(cell('WITH t AS (SELECT max(event_time) FROM events) SELECT * FROM t')).tables.has('events')).toBe(true);
		expect(sql.references(cell('SELECT count(*) FROM main.events')).tables.has('events')).toBe(true);
		expect(PARTITION.test('SELECT count(*) FROM cin_events_2.main.events')).toBe(true);
		expect(PARTITION.test('SELECT count(*) FROM column_stats')).toBe(false);
	});
});
