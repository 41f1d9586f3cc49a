import { describe, expect, it } from 'vitest';
import { EngineCrashedError } from '../../../src/lib/data/engine-crashed-error';
import { engineCrashedMessage, engineStatusMessage, explainEngineError, isStorageFull } from '../../../src/lib/data/engine-messages';
import { asQueryError, CancelledError, QueryError } from '../../../src/lib/data/query-error';

describe('engineStatusMessage', () => {
	it('says nothing while loading, or once ready with data kept', () => {
		expect(engineStatusMessage({ phase: 'loading', persistent: false, loaded: 5, total: 10 })).toBeUndefined();
		expect(engineStatusMessage({ phase: 'ready', persistent: true })).toBeUndefined();
	});

	it('warns when tables last only as long as the tab', () => {
		expect(engineStatusMessage({ phase: 'ready', persistent: false })).toMatch(/^This browser cannot keep data between visits here \(no OPFS\)/);
	});

	it('says why the engine restarts', () => {
		expect(engineStatusMessage({ phase: 'restarting', persistent: true, restartReason: 'crash' })).toBe('restarting after a crash');
		expect(engineStatusMessage({ phase: 'restarting', persistent: true, restartReason: 'cancel-timeout' })).toBe('stopping a query that did not respond to cancel');
		expect(engineStatusMessage({ phase: 'restarting', persistent: true })).toBe('restarting');
	});

	it('says why the engine could not start', () => {
		expect(engineStatusMessage({ phase: 'failed', persistent: false, error: new Error('no wasm') })).toBe('The SQL engine could not start: no wasm');
	});

	it('keeps the words of a status worded elsewhere', () => {
		expect(engineStatusMessage({ phase: 'failed', persistent: false, message: 'Open in another tab.' })).toBe('Open in another tab.');
	});
});

describe('engine errors', () => {
	it('words a crash, with or without the worker’s detail', () => {
		expect(new EngineCrashedError('out of memory').message).toBe('the SQL engine crashed (out of memory); it was restarted, run the cell again');
		expect(engineCrashedMessage('')).toBe('the SQL engine crashed (worker error); it was restarted, run the cell again');
	});

	it('turns anything but a cancellation or a QueryError into a QueryError about the call', () => {
		const crash = new EngineCrashedError('x');
		const wrapped = asQueryError(crash, 'SELECT 1');
		expect(wrapped).toBeInstanceOf(QueryError);
		expect((wrapped as QueryError).sql).toBe('SELECT 1');
		expect(wrapped.message).toBe(crash.message);
		expect(wrapped.cause).toBe(crash);
		expect(asQueryError('text', 'drop file a').message).toBe('text');
		const cancelled = new CancelledError();
		expect(asQueryError(cancelled, 'SELECT 1')).toBe(cancelled);
		const query = new QueryError('Parser Error: x', 'SELEC');
		expect(asQueryError(query, 'other')).toBe(query);
	});
});

describe('explainEngineError', () => {
	// Chromium's words when a write to OPFS would pass the origin's quota, as the ingest got them
	// through DuckDB (tests/e2e/faults.spec.ts makes the quota small to meet it).
	const quota = "QuotaExceededError: Failed to execute 'write' on 'FileSystemSyncAccessHandle': No space available for this operation";

	it('says the storage is full and what to free, keeping the browser’s words', () => {
		const text = explainEngineError(quota);
		expect(text).toBe(
			"The browser’s storage for this site is full (Failed to execute 'write' on 'FileSystemSyncAccessHandle': No space available for this operation). " +
				'Free space by deleting datasets you no longer need (under Datasets) or disk space on this computer, then try again.'
		);
		// Explaining twice changes nothing (a QueryError's message may be worded again by the page).
		expect(explainEngineError(text)).toBe(text);
		expect(new QueryError(quota, 'CREATE TABLE t AS SELECT 1').message).toBe(text);
	});

	it('knows a full storage from the error thrown, whatever its wording', () => {
		const thrown = new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
		expect(isStorageFull(thrown)).toBe(true);
		expect(explainEngineError(thrown)).toMatch(/^The browser’s storage for this site is full \(The operation failed/);
		expect(isStorageFull(new Error('IO Error: Could not write file "x": No space left on device'))).toBe(true);
		expect(isStorageFull(new Error('Catalog Error: Table with name quota does not exist!'))).toBe(false);
	});

	it('names the memory limit an out-of-memory error hit, wherever the message starts', () => {
		const text = explainEngineError('step "users": Out of Memory Error: failed to allocate data of size 32.0 MiB (1.9 GiB/2.0 GiB used)\nPossible solutions:\n* Reducing the number of threads');
		expect(text).toMatch(/^step "users": Out of Memory Error: failed to allocate data of size 32\.0 MiB \(1\.9 GiB\/2\.0 GiB used\)\. This query needs more memory than the engine’s limit of 2\.0 GiB \(memory_limit\)\./);
		expect(text).not.toContain('threads');
		expect(explainEngineError('Out of Memory Error: could not allocate')).toMatch(/than the engine’s limit \(memory_limit\)/);
	});

	it('leaves any other message as it is', () => {
		expect(explainEngineError('Parser Error: syntax error at or near "SELEC"')).toBe('Parser Error: syntax error at or near "SELEC"');
	});
});
