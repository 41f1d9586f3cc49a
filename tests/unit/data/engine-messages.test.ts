import { describe, expect, it } from 'vitest';
import { EngineCrashedError } from '../../../src/lib/data/engine-crashed-error';
import { engineCrashedMessage, engineStatusMessage } from '../../../src/lib/data/engine-messages';
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
