import { describe, expect, it } from 'vitest';
import { dayChunks, expectedRows, generatorPlan, generatorStatements, scaleForRows } from '../../../src/lib/generator/index';

describe('generator plan', () => {
	it('rejects invalid options with the offending value', () => {
		expect(() => generatorPlan({ scale: 0 })).toThrow('invalid scale: 0');
		expect(() => generatorPlan({ scale: 21 })).toThrow('invalid scale: 21');
		expect(() => generatorPlan({ scale: 0.01, seed: -3 })).toThrow('invalid seed: -3');
		expect(() => generatorPlan({ scale: 0.01, months: ['2019-12' as never] })).toThrow('invalid month: 2019-12');
	});

	it('covers every day of the chosen months once, in order, without crossing a month', () => {
		for (const chunkRows of [1e3, 1.5e6, 1e9]) {
			const chunks = dayChunks(1, ['2019-10', '2019-11'], chunkRows);
			const days = chunks.flatMap((c) => Array.from({ length: c.lastDay - c.firstDay + 1 }, (_, i) => c.firstDay + i));
			expect(days).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
			for (const c of chunks) expect(c.from.slice(0, 7)).toBe(c.to.slice(0, 7));
		}
		expect(dayChunks(1, ['2019-10', '2019-11'], 1e9)).toHaveLength(2);
	});

	it('keeps chunks near chunkRows (a single day may exceed it)', () => {
		const chunks = dayChunks(1, ['2019-11'], 4_000_000);
		for (const c of chunks) expect(c.firstDay === c.lastDay || c.expectedRows <= 4_000_000).toBe(true);
		expect(chunks.reduce((a, c) => a + c.expectedRows, 0)).toBeCloseTo(67_501_979, -3);
	});

	it('emits only the requested months but simulates both', () => {
		const plan = generatorPlan({ scale: 0.001, months: ['2019-11'] });
		expect(plan.days.every((d) => d.month === '2019-11')).toBe(true);
		expect(plan.setup.map((s) => s.name)).toContain('sessions Oct');
	});

	it('produces the same SQL for the same options and different SQL for another seed', () => {
		const a = generatorStatements({ scale: 0.001, seed: 5 }).map((s) => s.sql).join(';');
		const b = generatorStatements({ scale: 0.001, seed: 5 }).map((s) => s.sql).join(';');
		const c = generatorStatements({ scale: 0.001, seed: 6 }).map((s) => s.sql).join(';');
		expect(a).toBe(b);
		expect(a).not.toBe(c);
		expect(a).not.toMatch(/\brandom\(|\bhash\(|\bsetseed\(/);
	});
});

describe('generator sizing', () => {
	it('builds sessions in passes of bounded size at scale 1', () => {
		const names = generatorPlan({ scale: 1 }).setup.map((s) => s.name);
		expect(names.filter((n) => n.startsWith('sessions Oct'))).toHaveLength(8);
		expect(names.filter((n) => n.startsWith('sessions Nov'))).toHaveLength(14);
	});

	it('converts a row count into a scale', () => {
		expect(scaleForRows(109_950_743)).toBe(1);
		expect(expectedRows(scaleForRows(10_000_000))).toBe(10_000_000);
	});
});
