import { describe, expect, it } from 'vitest';
import { idleState, isValidCellName, newCellId } from '../../../src/lib/notebook/cell';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

describe('cell', () => {
	it('gives every new cell a distinct id', () => {
		const ids = Array.from({ length: 1000 }, newCellId);
		expect(new Set(ids).size).toBe(1000);
	});

	it('registers the six cell kinds the app ships', () => {
		expect([...DEFAULT_KINDS.keys()].sort()).toEqual(['chart', 'input', 'markdown', 'model', 'sql', 'stats']);
	});

	it('accepts identifiers of up to 63 characters as cell names', () => {
		for (const name of ['daily', '_tmp', 'Daily_2', 'x'.repeat(63)]) expect(isValidCellName(name)).toBe(true);
		for (const name of ['', '2daily', 'daily sales', 'daily-sales', 'x'.repeat(64), 'café']) expect(isValidCellName(name)).toBe(false);
	});

	it('starts runtime state idle with nothing produced', () => {
		expect(idleState()).toEqual({ status: 'idle', version: 0, startedAt: null, durationMs: null, error: null, output: null });
	});
});
