import { describe, expect, it } from 'vitest';
import { whenIdle } from '../../../src/lib/components/idle-queue';

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('whenIdle', () => {
	it('runs the jobs later, in the order they were asked for', async () => {
		const ran: number[] = [];
		for (const n of [1, 2, 3]) whenIdle(() => ran.push(n));
		expect(ran).toEqual([]);
		await settle();
		expect(ran).toEqual([1, 2, 3]);
	});

	it('does not run a job that was withdrawn before its turn', async () => {
		const ran: string[] = [];
		whenIdle(() => ran.push('kept'));
		const withdraw = whenIdle(() => ran.push('withdrawn'));
		withdraw();
		await settle();
		expect(ran).toEqual(['kept']);
	});
});
