// The words the page shows for what the engine reports (EngineStatus, a crashed worker, a
// query stopped by a restart). The engine itself deals in facts; this is where they become
// sentences, so the wording can change without touching the engine.
import type { EngineStatus, RestartReason } from './engine-status';
import { errorMessage } from './error-message';

const RESTARTING: Record<RestartReason, string> = {
	requested: 'restarting',
	'cancel-timeout': 'stopping a query that did not respond to cancel',
	crash: 'restarting after a crash'
};

const NOT_PERSISTENT = 'This browser cannot keep data between visits here (no OPFS): tables last until the tab closes.';

/**
 * The notice to show beside the engine's state, if any: why it is restarting, why it could not
 * start, or that tables will not outlive the tab. A status already worded (its `message`) keeps
 * its words.
 */
export function engineStatusMessage(status: EngineStatus): string | undefined {
	if (status.message !== undefined) return status.message;
	switch (status.phase) {
		case 'loading':
			return undefined;
		case 'restarting':
			return RESTARTING[status.restartReason ?? 'requested'];
		case 'ready':
			return status.persistent ? undefined : NOT_PERSISTENT;
		case 'failed':
			return status.error === undefined ? undefined : `The SQL engine could not start: ${errorMessage(status.error)}`;
	}
}

/** What a call in flight fails with when the engine's worker dies (`detail`: the worker's error). */
export function engineCrashedMessage(detail: string): string {
	return `the SQL engine crashed (${detail || 'worker error'}); it was restarted, run the cell again`;
}

/** What a cancelled query fails with when it had to be stopped by restarting the engine. */
export const CANCELLED_BY_RESTART = 'cancelled (the engine was restarted to stop the query)';

// DuckDB's own advice for running out of memory (fewer threads, a temp_directory, a higher
// memory_limit) does not apply in a browser: the wasm engine runs one thread, cannot spill to
// OPFS, and cannot grow past 4 GiB. What does is making the query need less.
const OUT_OF_MEMORY = /Out of Memory Error: ([^\n]*)/;
const MEMORY_USED = /\(([\d.]+ \w+)\/([\d.]+ \w+) used\)/;
const OUT_OF_MEMORY_ADVICE = 'DuckDB in the browser cannot spill to disk or grow past 4 GiB';

// A write to OPFS past the origin's quota: Chromium's "QuotaExceededError … No space available
// for this operation", passed through DuckDB's file system as the query's error.
const STORAGE_FULL = /QuotaExceededError|No space available for this operation|exceed its storage quota|No space left on device/i;
const STORAGE_FULL_ADVICE = 'The browser’s storage for this site is full';

/** Whether an error (any value thrown) is a write refused because the site's storage is full. */
export function isStorageFull(error: unknown): boolean {
	if (error instanceof DOMException && error.name === 'QuotaExceededError') return true;
	return STORAGE_FULL.test(errorMessage(error));
}

/**
 * An engine error (its message, or the value thrown) in the words the page shows: running out of
 * memory names the engine's limit and what to change in the query; a write past the storage
 * quota says what to free. Any other message (and one already explained) is returned as it is.
 */
export function explainEngineError(error: unknown): string {
	const message = errorMessage(error);
	if (message.includes(OUT_OF_MEMORY_ADVICE) || message.includes(STORAGE_FULL_ADVICE)) return message;
	const oom = OUT_OF_MEMORY.exec(message);
	if (oom) {
		const limit = MEMORY_USED.exec(oom[1])?.[2];
		return (
			`${message.slice(0, oom.index)}Out of Memory Error: ${oom[1].replace(/\.$/, '')}. This query needs more memory than the engine’s limit` +
			`${limit ? ` of ${limit}` : ''} (memory_limit). ${OUT_OF_MEMORY_ADVICE}, so make the query need less: ` +
			'aggregate or filter before a join or a sort, add a LIMIT, or read a fact table (daily, users, sessions…) instead of events; ' +
			'for more, export the tables it reads and run it in native DuckDB.'
		);
	}
	if (isStorageFull(error)) {
		return (
			`${STORAGE_FULL_ADVICE} (${message.replace(/^QuotaExceededError:\s*/, '').replace(/\.$/, '')}). ` +
			'Free space by deleting datasets you no longer need (under Datasets) or disk space on this computer, then try again.'
		);
	}
	return message;
}
