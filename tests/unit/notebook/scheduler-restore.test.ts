import { describe, expect, it } from 'vitest';
import { sql } from './helpers';
import { controlled, immediate, statusOf } from './scheduler-harness';

describe('Scheduler.restore', () => {
	it('shows kept outputs as done on cells that have not run', () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a')];
		const { scheduler } = immediate(cells);
		scheduler.restore(new Map([[cells[0].id, 'kept a']]));
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'done', output: 'kept a', error: null });
		expect(statusOf(scheduler, cells[1])).toBe('idle');
	});

	it('keeps the kept output visible while the cell is queued again, then replaces it', async () => {
		const cells = [sql('a', 'SELECT 1')];
		const { scheduler, next } = controlled(cells);
		scheduler.restore(new Map([[cells[0].id, 'kept']]));
		const done = scheduler.runAll();
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'running', output: 'kept' });
		(await next()).resolve('fresh');
		await done;
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'done', output: 'fresh' });
	});

	it('never overwrites a cell that is queued, running or has run in this session', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'SELECT 2')];
		const { scheduler, next } = controlled(cells);
		const done = scheduler.run([cells[0].id]);
		scheduler.restore(new Map([[cells[0].id, 'old a']]));
		expect(scheduler.state(cells[0].id)).toMatchObject({ status: 'running', output: null });
		(await next()).resolve('new a');
		await done;
		scheduler.restore(new Map([[cells[0].id, 'old a'], [cells[1].id, 'old b']]));
		expect(scheduler.state(cells[0].id).output).toBe('new a');
		expect(scheduler.state(cells[1].id).output).toBe('old b');
	});

	it('ignores ids that are not in the notebook', () => {
		const cells = [sql('a', 'SELECT 1')];
		const { scheduler } = immediate(cells);
		const stranger = sql('x', 'SELECT 3');
		scheduler.restore(new Map([[stranger.id, 'x']]));
		expect(scheduler.state(stranger.id).status).toBe('idle');
	});
});

describe('Scheduler.reset', () => {
	it('returns every cell to idle with no output', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a')];
		const { scheduler } = immediate(cells);
		await scheduler.runAll();
		scheduler.reset();
		expect(cells.map((c) => scheduler.state(c.id))).toMatchObject([
			{ status: 'idle', output: null },
			{ status: 'idle', output: null }
		]);
	});

	it('cancels what is running or queued, and a late result does not come back', async () => {
		const cells = [sql('a', 'SELECT 1'), sql('b', 'FROM a')];
		const { scheduler, next } = controlled(cells);
		const done = scheduler.runAll();
		const first = await next();
		scheduler.reset();
		expect(first.signal.aborted).toBe(true);
		first.resolve('late');
		await done;
		expect(cells.map((c) => scheduler.state(c.id))).toMatchObject([
			{ status: 'idle', output: null },
			{ status: 'idle', output: null }
		]);
	});
});
