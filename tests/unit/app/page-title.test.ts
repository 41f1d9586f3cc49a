import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../../src/lib/app/page-title';

describe('pageTitle', () => {
	it('is the notebook title alone when nothing runs or failed', () => {
		expect(pageTitle('Customer Intelligence', ['done', 'idle', 'done'])).toBe('Customer Intelligence');
	});

	it('counts queued and running cells while a run goes on', () => {
		expect(pageTitle('Sales', ['running', 'queued', 'queued', 'done'])).toBe('▶ 3 running · Sales');
	});

	it('counts failed cells, not the cells that only wait on them', () => {
		expect(pageTitle('Sales', ['error', 'upstream-error', 'upstream-error', 'done'])).toBe('⚠ 1 error · Sales');
		expect(pageTitle('Sales', ['error', 'error'])).toBe('⚠ 2 errors · Sales');
	});

	it('says both while a run goes on after a failure', () => {
		expect(pageTitle('Sales', ['error', 'running'])).toBe('▶ 1 running · ⚠ 1 error · Sales');
	});
});
