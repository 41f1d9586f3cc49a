import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/lib/notebook/scheduler';
import type { CellRuntimeState } from '../../../src/lib/notebook/cell';
import { cellOf, deferred, sql } from './helpers';
import { controlled, immediate, statusOf } from './scheduler-harness';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

describe('Scheduler', () => {
	it('reruns the edited cell and its descendants in topological order with document-order ties', async () => {
		const cells = [sql('x', 'FROM root'), sql('root', 'SELECT 1'), sql('y', 'FROM root'), sql('z', 'FROM x, y'), sql('other', 'SELECT 2')];
		const { scheduler, calls } = immediate(cells);
		await scheduler.runAll();
		expect(calls).toEqual(['root', 'x', 'y', 'z', 'other']);
		calls.length = 0;
		await scheduler.run([cells[1].id]);
		expect(calls).toEqual(['root', 'x', 'y', 'z']);
		expect(scheduler.state(cells[3].id)).toMatchObject({ status: 'done', version: 2, output: 'z@2', error: null });
	});

	it('does not rerun unrelated cells', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a'), sql('c', 'SELECT 2')];
		const { scheduler, calls } = immediate(cells);
		await scheduler.run([cells[2].id]);
		expect(calls).toEqual(['c']);
		expect(statusOf(scheduler, cells[0])).toBe('idle');
	});

	it('marks the whole plan queued at once and runs one cell at a time', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a'), sql('c', 'FROM b')];
		const { scheduler, calls, next } = controlled(cells);
		const done = scheduler.runAll();
		expect(cells.map((c) => statusOf(scheduler, c))).toEqual(['running', 'queued', 'queued']);
		(await next()).resolve('a');
		const b = await next();
		expect(b.name).toBe('b');
		expect(calls).toHaveLength(2);
		expect(cells.map((c) => statusOf(scheduler, c))).toEqual(['done', 'running', 'queued']);
		b.resolve('b');
		(await next()).resolve('c');
		await done;
		expect(cells.map((c) => statusOf(scheduler, c))).toEqual(['done', 'done', 'done']);
	});

	it('is busy from the moment a run is asked until its last cell settles', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a')];
		const { scheduler, next } = controlled(cells);
		expect(scheduler.busy).toBe(false);
		const done = scheduler.runAll();
		expect(scheduler.busy).toBe(true);
		(await next()).resolve('a');
		expect(scheduler.busy).toBe(true);
		(await next()).resolve('b');
		await done;
		expect(scheduler.busy).toBe(false);
	});

	it('drops the result of a superseded run and aborts its signal', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a')];
		const { scheduler, next, outputs } = controlled(cells);
		void scheduler.runAll();
		const first = await next();
		void scheduler.run([cells[0].id]);
		expect(first.signal.aborted).toBe(true);
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'queued', version: 2 });
		first.resolve('stale');
		const second = await next();
		expect(second).toMatchObject({ name: 'a', version: 2 });
		expect(second.signal.aborted).toBe(false);
		second.resolve('fresh');
		(await next()).resolve('b');
		await scheduler.idle();
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'done', version: 2, output: 'fresh' });
		expect(outputs).not.toContain('stale');
	});

	it('drops the error of a superseded run', async () => {
		const cells = [sql('a', 'SELECT 1')];
		const { scheduler, next } = controlled(cells);
		void scheduler.runAll();
		const first = await next();
		void scheduler.run([cells[0].id]);
		first.reject(new Error('aborted'));
		(await next()).resolve('fresh');
		await scheduler.idle();
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'done', error: null, output: 'fresh' });
	});

	it('lets a running cell outside a new run finish, then runs the new cells', async () => {
		const cells = [sql('slow', 'SELECT 1'), sql('edited', 'SELECT 2'), sql('reader', 'FROM edited')];
		const { scheduler, next } = controlled(cells);
		void scheduler.run([cells[0].id]);
		const slow = await next();
		void scheduler.run([cells[1].id]);
		expect(slow.signal.aborted).toBe(false);
		expect(cells.map((c) => statusOf(scheduler, c))).toEqual(['running', 'queued', 'queued']);
		slow.resolve('slow');
		expect((await next()).name).toBe('edited');
	});

	it('reruns a queued cell once when a new run includes it again', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'SELECT 2'), sql('c', 'FROM b')];
		const { scheduler, calls, next } = controlled(cells);
		void scheduler.runAll();
		const a = await next();
		void scheduler.run([cells[1].id]);
		a.resolve('a');
		const b = await next();
		expect(b).toMatchObject({ name: 'b', version: 2 });
		b.resolve('b');
		(await next()).resolve('c');
		await scheduler.idle();
		expect(calls.map((c) => c.name)).toEqual(['a', 'b', 'c']);
	});

	it('passes every cell to run whatever its kind (what a kind does is up to its module)', async () => {
		const cells = [cellOf('markdown', null, '# Title'), sql('a', 'SELECT 1')];
		const { scheduler, calls } = immediate(cells);
		await scheduler.runAll();
		expect(calls).toEqual(['markdown', 'a']);
		expect(statusOf(scheduler, cells[0])).toBe('done');
	});

	it('measures startedAt and durationMs with the injected clock', async () => {
		let clock = 100;
		const cells = [sql('a', 'SELECT 1')];
		const gate = deferred<string>();
		const scheduler = new Scheduler<string>({
		kinds: DEFAULT_KINDS, run: () => gate.promise, now: () => clock });
		scheduler.setCells(cells);
		const done = scheduler.runAll();
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'running', startedAt: 100, durationMs: null });
		clock = 350;
		gate.resolve('a');
		await done;
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'done', startedAt: 100, durationMs: 250 });
	});

	it('passes force and a per-cell version to the runner', async () => {
		const cells = [sql('a', 'SELECT 1')];
		const seen: { force: boolean; version: number }[] = [];
		const scheduler = new Scheduler<string>({
		kinds: DEFAULT_KINDS, run: async (_, { force, version }) => (seen.push({ force, version }), 'x') });
		scheduler.setCells(cells);
		await scheduler.runAll();
		await scheduler.run([cells[0].id], { force: true });
		expect(seen).toEqual([{ force: false, version: 1 }, { force: true, version: 2 }]);
	});

	it('reports every state change to onChange', async () => {
		const cells = [sql('a', 'SELECT 1')];
		const seen: CellRuntimeState<string>['status'][] = [];
		const scheduler = new Scheduler<string>({
		kinds: DEFAULT_KINDS, run: async () => 'a', onChange: (_, s) => seen.push(s.status) });
		scheduler.setCells(cells);
		await scheduler.runAll();
		expect(seen).toEqual(['queued', 'running', 'done']);
	});

	it('setCells removes the state of deleted cells and runs nothing', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'SELECT 2')];
		const { scheduler, calls } = immediate(cells);
		await scheduler.runAll();
		scheduler.setCells([cells[0], sql('c', 'FROM a')]);
		await scheduler.idle();
		expect(calls).toEqual(['a', 'b']);
		expect(statusOf(scheduler, cells[1])).toBe('idle');
		expect(statusOf(scheduler, cells[0])).toBe('done');
		expect(scheduler.graph.order).toHaveLength(2);
	});

	it('drops the result of a running cell that was deleted', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'SELECT 2')];
		const { scheduler, next, outputs } = controlled(cells);
		void scheduler.runAll();
		const a = await next();
		scheduler.setCells([cells[1]]);
		expect(a.signal.aborted).toBe(true);
		a.resolve('gone');
		(await next()).resolve('b');
		await scheduler.idle();
		expect(outputs).not.toContain('gone');
		expect(statusOf(scheduler, cells[0])).toBe('idle');
	});

	it('resolves idle() at once when nothing is queued or running', async () => {
		const { scheduler } = immediate([]);
		await expect(scheduler.idle()).resolves.toBeUndefined();
		expect(scheduler.state(sql('x', '').id).status).toBe('idle');
	});
});
