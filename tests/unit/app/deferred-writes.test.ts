import { describe, expect, it } from 'vitest';
import { DeferredWrites } from '../../../src/lib/app/deferred-writes';

function manual() {
	const tasks: (() => void)[] = [];
	return { schedule: (run: () => void) => void tasks.push(run), runTasks: () => tasks.splice(0).forEach((t) => t()), tasks };
}

describe('DeferredWrites', () => {
	it('applies nothing until the scheduled task runs', () => {
		const applied: [string, number][] = [];
		const clock = manual();
		const writes = new DeferredWrites<string, number>((k, v) => applied.push([k, v]), clock.schedule);
		writes.set('a', 1);
		writes.set('b', 2);
		expect(applied).toEqual([]);
		expect(clock.tasks).toHaveLength(1);
		clock.runTasks();
		expect(applied).toEqual([['a', 1], ['b', 2]]);
	});

	it('applies only the latest value of a key written twice', () => {
		const applied: [string, number][] = [];
		const clock = manual();
		const writes = new DeferredWrites<string, number>((k, v) => applied.push([k, v]), clock.schedule);
		writes.set('a', 1);
		writes.set('a', 3);
		clock.runTasks();
		expect(applied).toEqual([['a', 3]]);
	});

	it('drops withdrawn writes, and flush applies the rest at once', () => {
		const applied: [string, number][] = [];
		const clock = manual();
		const writes = new DeferredWrites<string, number>((k, v) => applied.push([k, v]), clock.schedule);
		writes.set('a', 1);
		writes.clear();
		writes.set('b', 2);
		writes.flush();
		expect(applied).toEqual([['b', 2]]);
		clock.runTasks(); // the task scheduled earlier finds nothing left
		expect(applied).toEqual([['b', 2]]);
	});

	it('resolves settled() once the pending writes are applied', async () => {
		const applied: string[] = [];
		const clock = manual();
		const writes = new DeferredWrites<string, number>((k) => applied.push(k), clock.schedule);
		await writes.settled(); // nothing pending: resolves at once
		writes.set('a', 1);
		let settled = false;
		const done = writes.settled().then(() => (settled = true));
		await Promise.resolve();
		expect(settled).toBe(false);
		clock.runTasks();
		await done;
		expect(applied).toEqual(['a']);
	});

	it('schedules the next task by default', async () => {
		const applied: string[] = [];
		const writes = new DeferredWrites<string, number>((k) => applied.push(k));
		writes.set('a', 1);
		await Promise.resolve();
		expect(applied).toEqual([]);
		await writes.settled();
		expect(applied).toEqual(['a']);
	});
});
