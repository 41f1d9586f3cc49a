import { describe, expect, it } from 'vitest';
import { averagePrecision } from '../../../src/lib/model/average-precision';
import { calibrationTable, gainsTable, rocPoints, scoreDeciles } from '../../../src/lib/model/curves';
import { evaluateScores } from '../../../src/lib/model/evaluate-scores';
import { logLoss } from '../../../src/lib/model/log-loss';
import { rankScores } from '../../../src/lib/model/rank-scores';
import { rocAuc } from '../../../src/lib/model/roc-auc';
import { topK, topRows } from '../../../src/lib/model/top-k';

// Ten rows, five positives; ties at 0.8 (one positive, one negative) and at 0.6 (one of three positive).
//   row    0    1    2    3    4    5    6    7    8    9
//   score .9   .8   .8   .7   .6   .6   .6   .3   .2   .1
//   label  1    0    1    1    0    1    0    0    1    0
const scores = Float32Array.from([0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.3, 0.2, 0.1]);
const labels = Uint8Array.from([1, 0, 1, 1, 0, 1, 0, 0, 1, 0]);
const ranking = rankScores(scores, labels);

describe('ROC-AUC', () => {
	it('counts a tied positive–negative pair as one half (hand computed: 17.5 / 25 = 0.7)', () => {
		// Per positive, the negatives scored below it, plus ½ per negative tied with it:
		//   .9 → 5;  .8 → 4 + ½ (row 1);  .7 → 4;  .6 → 2 + ½ + ½ (rows 4, 6);  .2 → 1
		//   5 + 4.5 + 4 + 3 + 1 = 17.5 pairs of 5 · 5 = 25.
		expect(rocAuc(ranking)).toBeCloseTo(0.7, 12);
	});

	it('is ½ when every score is equal, and null with one class only', () => {
		expect(rocAuc(rankScores(new Float32Array(6).fill(0.3), Uint8Array.from([1, 0, 1, 0, 0, 1])))).toBe(0.5);
		expect(rocAuc(rankScores(Float32Array.from([0.1, 0.2]), Uint8Array.from([1, 1])))).toBeNull();
	});
});

describe('PR-AUC (average precision)', () => {
	it('sums recall steps times precision, one step per group of equal scores (hand computed)', () => {
		// Thresholds from the top: rows ≥ t, positives among them → precision; each positive adds ⅕ recall.
		//   .9: 1 of 1;  .8: 2 of 3;  .7: 3 of 4;  .6: 4 of 7;  .3: no new positive;  .2: 5 of 9
		//   AP = ⅕ · (1 + 2/3 + 3/4 + 4/7 + 5/9) = ⅕ · 3.5436508 = 0.7087302 (scikit-learn agrees).
		expect(averagePrecision(ranking)).toBeCloseTo((1 + 2 / 3 + 3 / 4 + 4 / 7 + 5 / 9) / 5, 12);
	});
});

describe('precision, recall and lift at k', () => {
	it('takes the top ⌈k·n⌉ rows (hand computed at k = 0.3: rows 0, 1, 2 hold 2 positives)', () => {
		// base rate ½; precision 2/3; recall 2/5; lift (2/3) / (1/2) = 4/3
		const top = topK(ranking, 0.3);
		expect(top.rows).toBe(3);
		expect(top.positives).toBe(2);
		expect(top.precision).toBeCloseTo(2 / 3, 12);
		expect(top.recall).toBeCloseTo(2 / 5, 12);
		expect(top.lift).toBeCloseTo(4 / 3, 12);
	});

	it('counts a tie cut by the boundary in proportion (hand computed at k = 0.2 and 0.5)', () => {
		// k = 0.2: 2 rows = row 0 (positive) + 1 of the two .8 rows (1 positive of 2 → ½):
		//   positives 1.5, precision .75, recall .3, lift 1.5
		const at20 = topK(ranking, 0.2);
		expect(at20.positives).toBeCloseTo(1.5, 12);
		expect(at20.precision).toBeCloseTo(0.75, 12);
		expect(at20.recall).toBeCloseTo(0.3, 12);
		expect(at20.lift).toBeCloseTo(1.5, 12);
		// k = 0.5: 5 rows = rows 0–3 (3 positives) + 1 of the three .6 rows (1 positive of 3 → ⅓):
		//   positives 10/3, precision 2/3, recall 2/3, lift 4/3
		const at50 = topK(ranking, 0.5);
		expect(at50.positives).toBeCloseTo(10 / 3, 12);
		expect(at50.precision).toBeCloseTo(2 / 3, 12);
		expect(at50.recall).toBeCloseTo(2 / 3, 12);
		expect(at50.lift).toBeCloseTo(4 / 3, 12);
	});

	it('rounds k·n up, forgiving float error, and never takes fewer than one row', () => {
		expect(topRows(0.1, 30)).toBe(3);
		expect(topRows(0.1, 31)).toBe(4);
		expect(topRows(0.001, 10)).toBe(1);
		expect(() => topRows(0, 10)).toThrow(/k must be/);
	});
});

describe('log loss', () => {
	it('is the mean negative log-likelihood (hand computed: (−ln .9 − ln .8) / 2 = 0.1642520)', () => {
		expect(logLoss(Float32Array.from([0.9, 0.2]), Uint8Array.from([1, 0]))).toBeCloseTo(0.16425204, 6);
		expect(Number.isFinite(logLoss(Float32Array.from([0, 1]), Uint8Array.from([1, 0])))).toBe(true);
	});
});

describe('curve tables', () => {
	it('ROC points: one per group of equal scores, from (0, 0) to (1, 1) (hand computed)', () => {
		// Cumulative (fp, tp) after each group: (0,1) (1,2) (1,3) (3,4) (4,4) (4,5) (5,5), over 5 and 5.
		const points = rocPoints(ranking, scores, 1000).map(({ fpr, tpr }) => [fpr, tpr]);
		expect(points).toEqual([
			[0, 0],
			[0, 0.2],
			[0.2, 0.4],
			[0.2, 0.6],
			[0.6, 0.8],
			[0.8, 0.8],
			[0.8, 1],
			[1, 1]
		]);
	});

	it('ROC points are thinned to about 200 for a large test set', () => {
		const n = 100_000;
		let state = 7;
		const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
		const s = Float32Array.from({ length: n }, () => next());
		const y = Uint8Array.from(s, (x) => (next() < x ? 1 : 0));
		const points = rocPoints(rankScores(s, y), s);
		expect(points.length).toBeLessThanOrEqual(202);
		expect(points.length).toBeGreaterThan(100);
		expect(points[points.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
	});

	it('score deciles: 1 + ⌊10 · rows scoring higher / n⌋, equal scores sharing one (hand computed)', () => {
		// rows scoring higher: 0, 1, 1, 3, 4, 4, 4, 7, 8, 9
		expect(Array.from(scoreDeciles(ranking))).toEqual([1, 2, 2, 4, 5, 5, 5, 8, 9, 10]);
	});

	it('calibration: mean score and observed rate per decile', () => {
		const table = calibrationTable(scores, labels, scoreDeciles(ranking));
		expect(table).toHaveLength(10);
		// Decile 2 holds the two .8 rows, one positive; decile 3 is empty.
		expect(table[1]).toMatchObject({ decile: 2, count: 2, observedRate: 0.5 });
		expect(table[1].meanScore).toBeCloseTo(0.8, 6);
		expect(table[2]).toEqual({ decile: 3, count: 0, meanScore: null, observedRate: null });
	});

	it('gains: 100 rows of cumulative gain and lift (hand computed at 10 % and 30 %)', () => {
		const gains = gainsTable(ranking);
		expect(gains).toHaveLength(100);
		// 10 %: row 0 only → 1 of 5 positives, lift (1/1) / ½ = 2; 30 %: 2 positives in 3 rows → lift 4/3.
		expect(gains[9]).toMatchObject({ percentile: 10, rows: 1, positives: 1, gain: 0.2, lift: 2 });
		expect(gains[29].gain).toBeCloseTo(0.4, 12);
		expect(gains[29].lift).toBeCloseTo(4 / 3, 12);
		expect(gains[99]).toMatchObject({ rows: 10, gain: 1, lift: 1 });
	});
});

describe('ranking', () => {
	it('orders by decreasing score, ties in row order, NaN last, −0 equal to 0', () => {
		const s = Float32Array.from([0.5, -1, Number.NaN, 0, -0, 3, 0.5, -Infinity]);
		const r = rankScores(s, new Uint8Array(s.length));
		expect(Array.from(r.order)).toEqual([5, 0, 6, 3, 4, 1, 2, 7]);
		expect(Array.from(r.groupStarts)).toEqual([0, 1, 3, 5, 6, 8]);
	});

	it('matches a comparison sort on many random scores', () => {
		let state = 11;
		const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
		const s = Float32Array.from({ length: 20_000 }, () => Math.round((next() - 0.3) * 1000) / 100);
		const r = rankScores(s, new Uint8Array(s.length));
		const expected = Array.from(s.keys()).sort((a, b) => s[b] - s[a] || a - b);
		expect(Array.from(r.order)).toEqual(expected);
	});

	it('evaluateScores assembles the metrics row', () => {
		const { metrics, deciles } = evaluateScores(scores, labels, 0.3, 123);
		expect(metrics).toMatchObject({ base_rate: 0.5, n_train: 123, n_test: 10 });
		expect(metrics.auc).toBeCloseTo(0.7, 12);
		expect(metrics.precision_at_k).toBeCloseTo(2 / 3, 12);
		expect(deciles).toHaveLength(10);
	});
});
