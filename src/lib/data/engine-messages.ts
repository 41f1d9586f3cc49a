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
