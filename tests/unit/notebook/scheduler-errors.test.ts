import { describe, expect, it } from 'vitest';
import { sql } from './helpers';
import { controlled, immediate, statusOf } from './scheduler-harness';

describe('Scheduler errors and cancellation', () => {
	it('marks descendants of a failed cell upstream-error naming where the failure started, without running them', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a'), sql('c', 'FROM b'), sql('d', 'SELECT 2')];
		const failure = Object.assign(new Error('Binder Error: column x not found'), { sql: 'SELECT x' });
		const { scheduler, calls } = immediate(cells, { a: failure });
		await scheduler.runAll();
		expect(calls).toEqual(['a', 'd']);
		expect(scheduler.state(cells[0].id)).toMatchObject({
			status: 'error',
			error: { message: 'Binder Error: column x not found', sql: 'SELECT x' },
			output: null
		});
		expect(scheduler.state(cells[1].id)).toMatchObject({ status: 'upstream-error', error: { message: 'upstream error in `a`' } });
		expect(scheduler.state(cells[2].id)).toMatchObject({ status: 'upstream-error', error: { message: 'upstream error in `a`' } });
		expect(statusOf(scheduler, cells[3])).toBe('done');
	});

	it('uses the string of a thrown non-Error as the message', async () => {
		const cells = [sql('a', 'SELECT 1')];
		const { scheduler } = immediate(cells, { a: 'plain failure' });
		await scheduler.runAll();
		expect(scheduler.state(cells[0].id).error).toEqual({ message: 'plain failure' });
	});

	it('clears stale output when a dependency fails on a rerun', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a')];
		const failing: Record<string, unknown> = {};
		const { scheduler } = immediate(cells, failing);
		await scheduler.runAll();
		expect(scheduler.state(cells[1].id).output).toBe('b@1');
		failing.a = new Error('boom');
		await scheduler.run([cells[0].id]);
		expect(scheduler.state(cells[1].id)).toMatchObject({ status: 'upstream-error', output: null });
	});

	it('cancels the running cell: it ends in error "cancelled", its queued descendants in upstream-error', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a'), sql('c', 'SELECT 2')];
		const { scheduler, next, outputs } = controlled(cells);
		void scheduler.runAll();
		const a = await next();
		scheduler.cancel(cells[0].id);
		expect(a.signal.aborted).toBe(true);
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'error', error: { message: 'cancelled' } });
		expect(scheduler.state(cells[1].id)).toMatchObject({ status: 'upstream-error', error: { message: 'upstream error in `a`' } });
		expect(statusOf(scheduler, cells[2])).toBe('queued');
		a.resolve('late');
		const c = await next();
		expect(c.name).toBe('c');
		c.resolve('c');
		await scheduler.idle();
		expect(statusOf(scheduler, cells[0])).toBe('error');
		expect(outputs).not.toContain('late');
	});

	it('cancels everything when called without an id', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a'), sql('c', 'SELECT 2')];
		const { scheduler, calls, next } = controlled(cells);
		void scheduler.runAll();
		const a = await next();
		scheduler.cancel();
		a.reject(new Error('interrupted'));
		await scheduler.idle();
		expect(calls).toHaveLength(1);
		expect(cells.map((c) => scheduler.state(c.id).error?.message)).toEqual(['cancelled', 'upstream error in `a`', 'cancelled']);
	});

	it('cancels a queued cell before it runs', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'SELECT 2'), sql('c', 'FROM b')];
		const { scheduler, calls, next } = controlled(cells);
		void scheduler.runAll();
		const a = await next();
		scheduler.cancel(cells[1].id);
		a.resolve('a');
		await scheduler.idle();
		expect(calls.map((c) => c.name)).toEqual(['a']);
		expect(cells.map((c) => statusOf(scheduler, c))).toEqual(['done', 'error', 'upstream-error']);
	});

	it('does not run cells with structural errors and fails their descendants upstream', async () => {
		const cells = [
			sql('a', 'FROM b'),
			sql('b', 'FROM a'),
			sql('reader', 'FROM a'),
			sql('dup', 'SELECT 1'),
			sql('dup', 'SELECT 2'),
			sql('ok', 'SELECT 3')
		];
		const { scheduler, calls } = immediate(cells);
		await scheduler.runAll();
		expect(calls).toEqual(['ok']);
		expect(scheduler.state(cells[0].id).error?.message).toBe('circular definition: a → b → a');
		expect(scheduler.state(cells[2].id)).toMatchObject({ status: 'upstream-error', error: { message: 'upstream error in `a`' } });
		expect(scheduler.state(cells[4].id)).toMatchObject({ status: 'error', error: { message: 'duplicate name `dup`: also defined by cell 4' } });
	});
});
