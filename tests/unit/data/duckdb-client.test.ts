// The client's queue and error rules, over a fake engine (the real one needs a browser worker).
import { engineStatusMessage } from '../../../src/lib/data/engine-messages';
import { tableFromArrays } from 'apache-arrow';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineCrashedError } from '../../../src/lib/data/engine-crashed-error';
import type { EngineStatus } from '../../../src/lib/data/engine-status';
import { CancelledError, QueryError } from '../../../src/lib/data/query-error';
import type { Engine, EngineStart } from '../../../src/lib/data/start-engine';

const started: EngineStart[] = [];
let nextEngine: () => FakeEngine;

vi.mock('../../../src/lib/data/start-engine', () => ({
	startEngine: async (start: EngineStart) => {
		started.push(start);
		const engine = nextEngine();
		return { engine: engine.engine, timings: { wasmMs: 1, openMs: 1, setupMs: 1 } };
	},
	stopEngine: () => {}
}));

const { DuckDBClient } = await import('../../../src/lib/data/duckdb-client');
type Client = Awaited<ReturnType<typeof DuckDBClient.open>>;

interface FakeEngine {
	engine: Engine;
	log: string[];
	crash(detail: string): void;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An engine whose calls log themselves; `hold` makes a SQL text wait until released. */
function fakeEngine(options: { fail?: (what: string) => boolean; hold?: Map<string, Promise<void>>; persistent?: boolean } = {}): FakeEngine {
	const log: string[] = [];
	let crash: (error: Error) => void = () => {};
	const crashed = new Promise<never>((_, reject) => (crash = reject));
	crashed.catch(() => {});
	const step = async (what: string) => {
		log.push(what);
		await options.hold?.get(what);
		if (options.fail?.(what)) throw new Error(`failed: ${what}`);
	};
	const table = tableFromArrays({ x: Int32Array.from([1, 2]) });
	const conn = {
		query: async (sql: string) => (await step(sql), table),
		send: async (sql: string) => {
			await step(sql);
			return Object.assign(
				(async function* () {
					yield* table.batches;
				})(),
				{ schema: table.schema }
			);
		},
		prepare: async (sql: string) => {
			await step(`prepare ${sql}`);
			return { query: (value: unknown) => step(`run ${sql} with ${value}`), close: async () => {} };
		},
		insertArrowFromIPCStream: (_ipc: Uint8Array, o: { name: string }) => step(`insert ${o.name}`),
		cancelSent: async () => true,
		close: async () => {}
	};
	const db = {
		registerFileBuffer: (name: string) => step(`register ${name}`),
		registerFileHandle: (name: string) => step(`register ${name}`),
		dropFile: (name: string) => step(`drop ${name}`),
		copyFileToBuffer: async (name: string) => (await step(`copy ${name}`), new Uint8Array([1])),
		terminate: async () => {}
	};
	const engine = { db, conn, worker: {}, persistent: options.persistent ?? false, crashed } as unknown as Engine;
	return { engine, log, crash: (detail) => crash(new EngineCrashedError(detail)) };
}

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

beforeEach(() => {
	started.length = 0;
});

describe('DuckDBClient', () => {
	it('runs one engine call at a time, in the order they were made', async () => {
		const first = deferred();
		const fake = fakeEngine({ hold: new Map([['SELECT 1', first.promise]]) });
		nextEngine = () => fake;
		const client = await DuckDBClient.open({ path: ':memory:' });
		const calls = [
			client.query('SELECT 1'),
			client.registerFileBuffer('a.csv', new Uint8Array([1])),
			client.setVariable('n', 3),
			client.insertArrowIPC('t', new Uint8Array(), true),
			client.dropFile('a.csv')
		];
		await tick();
		expect(fake.log).toEqual(['SELECT 1']);
		first.resolve();
		await Promise.all(calls);
		expect(fake.log).toEqual(['SELECT 1', 'register a.csv', 'prepare SET VARIABLE "n" = ?', 'run SET VARIABLE "n" = ? with 3', 'insert t', 'drop a.csv']);
	});

	it('fails every call with a QueryError naming its SQL, or what it did', async () => {
		nextEngine = () => fakeEngine({ fail: () => true });
		const client = await DuckDBClient.open({ path: ':memory:' });
		const sqlOf = (call: Promise<unknown>) =>
			call.then(
				() => null,
				(error: unknown) => (error instanceof QueryError ? error.sql : `not a QueryError: ${String(error)}`)
			);
		expect(await sqlOf(client.query('SELECT 1'))).toBe('SELECT 1');
		expect(await sqlOf(client.exec('CREATE TABLE t (x INT)'))).toBe('CREATE TABLE t (x INT)');
		expect(await sqlOf(client.setVariable('n', 1))).toBe('SET VARIABLE "n" = ?');
		expect(await sqlOf(client.exportCsv('SELECT 2'))).toBe('SELECT 2');
		expect(await sqlOf(client.queryArrowIPC('SELECT 3'))).toBe('SELECT 3');
		expect(await sqlOf(client.insertArrowIPC('t', new Uint8Array(), false))).toBe('insert Arrow into main.t');
		expect(await sqlOf(client.registerFile('b.csv', {} as File))).toBe('register file b.csv');
		expect(await sqlOf(client.registerFileBuffer('b.csv', new Uint8Array()))).toBe('register file b.csv');
		expect(await sqlOf(client.dropFile('b.csv'))).toBe('drop file b.csv');
		expect(await sqlOf(client.attach('events_1'))).toBe('attach companion database events_1');
		expect(await sqlOf(client.detach('events_1'))).toBe('DETACH DATABASE IF EXISTS "events_1"');
	});

	it('fails the call in flight when the worker dies, and goes on with the next', async () => {
		const calls = {
			query: (c: Client) => c.query('SELECT slow'),
			arrow: (c: Client) => c.queryArrowIPC('SELECT slow'),
			insert: (c: Client) => c.insertArrowIPC('slow', new Uint8Array(), true)
		};
		for (const call of Object.values(calls)) {
			const held = deferred();
			const fake = fakeEngine({ hold: new Map([['SELECT slow', held.promise], ['insert slow', held.promise]]) });
			nextEngine = () => fake;
			const client = await DuckDBClient.open({ path: ':memory:' });
			const inFlight = call(client).catch((e: unknown) => e);
			const next = client.query('SELECT 1').catch((e: unknown) => e);
			await tick();
			fake.crash('out of memory');
			const error = await inFlight;
			expect(error).toBeInstanceOf(QueryError);
			expect((error as QueryError).cause).toBeInstanceOf(EngineCrashedError);
			expect((error as Error).message).toMatch(/^the SQL engine crashed \(out of memory\)/);
			// This fake engine stays crashed (no restart here), so the next call fails at once, not hangs.
			expect(await next).toBeInstanceOf(QueryError);
		}
	});

	it('keeps a cancellation a CancelledError, and restarts an engine that ignores it', async () => {
		const never = new Promise<void>(() => {});
		const fake = fakeEngine({ hold: new Map([['SELECT forever', never]]) });
		nextEngine = () => fake;
		const statuses: EngineStatus[] = [];
		const client = await DuckDBClient.open({ path: ':memory:', hardCancelAfterMs: 5, onStatus: (s) => statuses.push(s) });
		const before = new AbortController();
		before.abort();
		await expect(client.query('SELECT 1', { signal: before.signal })).rejects.toBeInstanceOf(CancelledError);

		nextEngine = () => fakeEngine();
		const abort = new AbortController();
		const running = client.query('SELECT forever', { signal: abort.signal });
		await tick();
		abort.abort();
		const error = await running.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CancelledError);
		expect((error as Error).message).toBe('cancelled (the engine was restarted to stop the query)');
		await vi.waitFor(() => expect(started).toHaveLength(2));
		await client.query('SELECT 1');
		const restarting = statuses.find((s) => s.phase === 'restarting')!;
		expect(restarting).toMatchObject({ restartReason: 'cancel-timeout' });
		expect(engineStatusMessage(restarting)).toBe('stopping a query that did not respond to cancel');
	});

	it('sets the variables again, and must reopen the database file, when the engine restarts', async () => {
		nextEngine = () => fakeEngine({ persistent: true });
		const client = await DuckDBClient.open({ path: ':memory:' });
		expect(started[0]).toMatchObject({ persistentBefore: false });
		await client.setVariable('top_n', 3);
		await client.setVariable('segment', 'Champions');
		await client.setVariable('top_n', 5);
		// A variable the engine refused is not set again.
		nextEngine = () => fakeEngine({ fail: (what) => what.includes('"broken"') });
		await client.restart('crash');
		await expect(client.setVariable('broken', 1)).rejects.toBeInstanceOf(QueryError);
		await client.restart('crash');
		expect(started).toHaveLength(3);
		expect([...started[2].variables!]).toEqual([
			['top_n', 5],
			['segment', 'Champions']
		]);
		// The first engine had the OPFS file: a restarted one may not fall back to memory.
		expect(started[2]).toMatchObject({ persistentBefore: true });
	});

	it('reports facts and leaves the wording to the page', async () => {
		nextEngine = () => fakeEngine({ persistent: false });
		const statuses: EngineStatus[] = [];
		await DuckDBClient.open({ path: ':memory:', onStatus: (s) => statuses.push(s) });
		expect(statuses.map((s) => s.phase)).toEqual(['loading', 'ready']);
		expect(statuses[1].persistent).toBe(false);
		expect(statuses[1].message).toBeUndefined();
		expect(engineStatusMessage(statuses[1])).toMatch(/no OPFS/);
		expect(statuses[1].timings).toEqual({ wasmMs: 1, openMs: 1, setupMs: 1 });
	});
});
