import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aucSql, formatReport, judge, type FidelityQuery } from '../../../src/lib/generator/fidelity';
import { openNative, rows } from './native';

const q = (check: FidelityQuery['check']): FidelityQuery => ({ id: 'x', label: 'x', check, sql: '' });

describe('fidelity report', () => {
	let db: Awaited<ReturnType<typeof openNative>>;
	beforeAll(async () => (db = await openNative()));
	afterAll(() => db.close());

	it('judges each kind of check', () => {
		expect(judge(q({ kind: 'ratio', target: 100, tolerance: 0.15 }), 114).ok).toBe(true);
		expect(judge(q({ kind: 'ratio', target: 100, tolerance: 0.15 }), 116)).toMatchObject({ ok: false, deviation: '16.0%' });
		expect(judge(q({ kind: 'exact', target: 23 }), 23).ok).toBe(true);
		expect(judge(q({ kind: 'atMost', target: 0.07 }), 0.08).ok).toBe(false);
		expect(judge(q({ kind: 'atLeast', target: 3 }), 3.2).ok).toBe(true);
		expect(judge(q({ kind: 'range', lo: 0.72, hi: 0.8 }), 0.81).ok).toBe(false);
		expect(judge(q({ kind: 'sameSet', target: 'a,b,c' }), 'c,a,b').ok).toBe(true);
		expect(judge(q({ kind: 'info' }), 5).ok).toBeNull();
	});

	it('computes ROC-AUC with tied scores counted as half', async () => {
		const rel = `(SELECT * FROM (VALUES (0.1, false), (0.4, true), (0.4, false), (0.8, true)) t(score, label))`;
		const [r] = await rows(db.conn, aucSql(rel));
		expect(r.v).toBeCloseTo(0.875, 10);
	});

	it('prints a table with a mark per judged row', () => {
		const text = formatReport([judge({ ...q({ kind: 'exact', target: 1 }), label: 'one' }, 1), judge({ ...q({ kind: 'info' }), label: 'two' }, 2)]);
		expect(text.split('\n')).toHaveLength(3);
		expect(text).toMatch(/one\s+1\s+1\s+OK/);
	});
});
