import type { Ranking } from './rank-scores';

export interface TopK {
	/** ⌈k·n⌉ rows, at least 1. */
	rows: number;
	/** Positives among them (fractional when the cut falls inside a group of equal scores). */
	positives: number;
	precision: number;
	/** Null without positives. */
	recall: number | null;
	/** Precision over the base rate; null without positives. */
	lift: number | null;
}

/** ⌈k·n⌉, clamped to 1…n, forgiving the float error of k·n (0.1 · 30 is 3.0000000000000004). */
export function topRows(k: number, n: number): number {
	if (!(k > 0 && k <= 1)) throw new Error(`k must be a fraction in (0, 1]; it is ${k}.`);
	return Math.min(n, Math.max(1, Math.ceil(k * n - 1e-9)));
}

/** Positives among the first `m` rows by score; a group of equal scores cut by the boundary contributes its positive rate per row taken. */
export function positivesInTop(ranking: Ranking, m: number): number {
	const { groupStarts, groupPositives } = ranking;
	let tp = 0;
	for (let g = 0; g < groupPositives.length; g++) {
		const start = groupStarts[g];
		const end = groupStarts[g + 1];
		if (end <= m) {
			tp += groupPositives[g];
		} else {
			if (start < m) tp += (groupPositives[g] * (m - start)) / (end - start);
			break;
		}
	}
	return tp;
}

/**
 * Precision, recall and lift in the top fraction k of rows by score. Ties at the cut: the rows
 * taken from a group of equal scores count its positives in proportion (the expected value over
 * every order of the tied rows), so the result does not depend on row order.
 */
export function topK(ranking: Ranking, k: number): TopK {
	const rows = topRows(k, ranking.n);
	const positives = positivesInTop(ranking, rows);
	const precision = positives / rows;
	const baseRate = ranking.positives / ranking.n;
	return {
		rows,
		positives,
		precision,
		recall: ranking.positives === 0 ? null : positives / ranking.positives,
		lift: ranking.positives === 0 ? null : precision / baseRate
	};
}
