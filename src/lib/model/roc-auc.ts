import type { Ranking } from './rank-scores';

/**
 * Area under the ROC curve, the trapezoid through one point per group of equal scores (the same
 * as the average-rank Mann–Whitney statistic: a tied positive–negative pair counts one half).
 * Null without positives or without negatives.
 */
export function rocAuc(ranking: Ranking): number | null {
	const { groupStarts, groupPositives, n, positives } = ranking;
	const negatives = n - positives;
	if (positives === 0 || negatives === 0) return null;
	let tp = 0;
	let fp = 0;
	let area = 0;
	for (let g = 0; g < groupPositives.length; g++) {
		const p = groupPositives[g];
		const f = groupStarts[g + 1] - groupStarts[g] - p;
		area += f * (tp + p / 2);
		tp += p;
		fp += f;
	}
	return area / (positives * negatives);
}
