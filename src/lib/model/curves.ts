import { positivesInTop } from './top-k';
import type { Ranking } from './rank-scores';

export interface RocPoint {
	fpr: number;
	tpr: number;
	/** Scores ≥ this are predicted positive at this point; null at the origin (no row is). */
	threshold: number | null;
}

/** Cumulative gains and lift of the top `percentile`% of rows by score. */
export interface GainsRow {
	percentile: number;
	rows: number;
	/** Positives among them (fractional at a cut through equal scores, as in topK). */
	positives: number;
	/** Share of all positives captured. */
	gain: number | null;
	/** Their positive rate over the base rate. */
	lift: number | null;
}

/** Mean score against observed positive rate in one score decile (1 = highest scores). */
export interface CalibrationRow {
	decile: number;
	count: number;
	meanScore: number | null;
	observedRate: number | null;
}

export interface Curves {
	roc: RocPoint[];
	gains: GainsRow[];
	calibration: CalibrationRow[];
}

/**
 * The ROC curve, one candidate point per group of equal scores, thinned for charts: a point is
 * kept when the curve has moved at least `1/maxPoints · 2` (in fpr + tpr) since the last one kept,
 * which bounds the count by about maxPoints; the two ends are always kept.
 */
export function rocPoints(ranking: Ranking, scores: Float32Array, maxPoints = 200): RocPoint[] {
	const { groupStarts, groupPositives, n, positives, order } = ranking;
	const negatives = n - positives;
	if (positives === 0 || negatives === 0) return [];
	const step = 2 / maxPoints;
	const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: null }];
	let tp = 0;
	let fp = 0;
	const groups = groupPositives.length;
	for (let g = 0; g < groups; g++) {
		tp += groupPositives[g];
		fp += groupStarts[g + 1] - groupStarts[g] - groupPositives[g];
		const fpr = fp / negatives;
		const tpr = tp / positives;
		const last = points[points.length - 1];
		if (g === groups - 1 || Math.abs(fpr - last.fpr) + Math.abs(tpr - last.tpr) >= step) {
			points.push({ fpr, tpr, threshold: scores[order[groupStarts[g]]] });
		}
	}
	return points;
}

/** 100 rows: the top 1%, 2%, … 100% of rows by score (⌈p·n/100⌉ rows each). */
export function gainsTable(ranking: Ranking): GainsRow[] {
	const { n, positives } = ranking;
	const baseRate = positives / n;
	const rows: GainsRow[] = [];
	for (let percentile = 1; percentile <= 100; percentile++) {
		const m = Math.max(1, Math.ceil((percentile * n) / 100));
		const tp = positivesInTop(ranking, m);
		rows.push({
			percentile,
			rows: m,
			positives: tp,
			gain: positives === 0 ? null : tp / positives,
			lift: positives === 0 ? null : tp / m / baseRate
		});
	}
	return rows;
}

/**
 * Per row, its score decile, 1 for the highest scores: 1 + ⌊10 · (rows scoring strictly
 * higher) / n⌋. Equal scores share a decile, so deciles hold about, not exactly, n/10 rows.
 */
export function scoreDeciles(ranking: Ranking): Uint8Array {
	const { groupStarts, order, n } = ranking;
	const deciles = new Uint8Array(n);
	for (let g = 0; g + 1 < groupStarts.length; g++) {
		const decile = 1 + Math.floor((10 * groupStarts[g]) / n);
		for (let k = groupStarts[g]; k < groupStarts[g + 1]; k++) deciles[order[k]] = decile;
	}
	return deciles;
}

/** Mean score and observed rate in each score decile. */
export function calibrationTable(scores: Float32Array, labels: Uint8Array, deciles: Uint8Array): CalibrationRow[] {
	const count = new Array<number>(11).fill(0);
	const scoreSum = new Array<number>(11).fill(0);
	const positives = new Array<number>(11).fill(0);
	for (let i = 0; i < scores.length; i++) {
		const d = deciles[i];
		count[d]++;
		scoreSum[d] += scores[i];
		positives[d] += labels[i];
	}
	return Array.from({ length: 10 }, (_, j) => {
		const d = j + 1;
		return {
			decile: d,
			count: count[d],
			meanScore: count[d] === 0 ? null : scoreSum[d] / count[d],
			observedRate: count[d] === 0 ? null : positives[d] / count[d]
		};
	});
}
