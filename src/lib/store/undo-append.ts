import { DEFAULT_SCHEMA, storeTable } from './store-tables';

/** Where `events` and `session_dict` end before a batch: what undoAppendSql rolls back to. */
export interface AppendMark {
	/** One past the largest rowid of events (rowids of appended rows are larger). */
	events: number;
	/** The largest session_id given so far (0 if none). */
	sessions: number;
}

/** One row `{events, sessions}`: the AppendMark to keep before running a batch's steps. */
export function appendMarkSql(schema: string = DEFAULT_SCHEMA): string {
	return `SELECT (SELECT coalesce(max(rowid) + 1, 0) FROM ${storeTable(schema, 'events')}) AS events,
	(SELECT coalesce(max(session_id), 0) FROM ${storeTable(schema, 'session_dict')}) AS sessions`;
}

/**
 * Removes whatever an interrupted batch appended after `mark` (the steps commit one by one),
 * so the batch can be run again from the start. Rejected rows it routed are kept.
 */
export function undoAppendSql(mark: AppendMark, schema: string = DEFAULT_SCHEMA): string {
	for (const [name, value] of Object.entries(mark)) {
		if (!Number.isSafeInteger(value) || value < 0) throw new Error(`invalid mark.${name}: ${value}`);
	}
	return `DELETE FROM ${storeTable(schema, 'events')} WHERE rowid >= ${mark.events};
DELETE FROM ${storeTable(schema, 'session_dict')} WHERE session_id > ${mark.sessions}`;
}
