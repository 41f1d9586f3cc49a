import type { RecordBatch } from 'apache-arrow';
import { columnsOf } from './arrow-convert';
import { CANCELLED_BY_RESTART } from './engine-messages';
import { CancelledError } from './query-error';
import type { Engine } from './start-engine';
import type { ColumnInfo } from './value';

export interface StreamOptions {
	signal?: AbortSignal;
	/** How long a cancelled query may keep running before it is given up on. */
	hardCancelAfterMs: number;
	/** The query ignored its cancel for hardCancelAfterMs: the engine must be stopped. */
	onHardCancel(): void;
}

/**
 * Runs `sql` on `engine`, handing each result batch to `onBatch` as it arrives; resolves with
 * the result's columns. Streamed (`send()`), so an abort of `signal` can ask DuckDB to cancel
 * between slices; a query still running hardCancelAfterMs later fails with a CancelledError and
 * onHardCancel is called. Fails with the engine's own error otherwise, or when the worker dies.
 */
export async function streamQuery(engine: Engine, sql: string, onBatch: (b: RecordBatch) => void, options: StreamOptions): Promise<ColumnInfo[]> {
	const { signal } = options;
	let onAbort: (() => void) | null = null;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => {
			void engine.conn.cancelSent().catch(() => {});
			// Give DuckDB a moment to stop between slices; past that, kill the worker.
			const timer = setTimeout(() => {
				reject(new CancelledError(CANCELLED_BY_RESTART));
				options.onHardCancel();
			}, options.hardCancelAfterMs);
			work.finally(() => clearTimeout(timer)).catch(() => {});
		};
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	const work = (async () => {
		const reader = await engine.conn.send(sql, true);
		for await (const batch of reader) {
			if (signal?.aborted) throw new CancelledError();
			onBatch(batch);
		}
		return reader.schema ? columnsOf(reader.schema) : [];
	})();
	work.catch(() => {}); // settled through the race below; never an unhandled rejection
	try {
		// The crash is raced here too, so the abort listener is removed as soon as the query is
		// over, however it ends: a later abort must not stop the engine.
		return await Promise.race(signal ? [work, aborted, engine.crashed] : [work, engine.crashed]);
	} finally {
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
}
