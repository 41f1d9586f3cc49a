import type { Ranking } from './rank-scores';

/**
 * PR-AUC as scikit-learn's average_precision_score: Σ (Rₙ − Rₙ₋₁)·Pₙ over the thresholds (one
 * per group of equal scores, all of a group counted at once), from the highest score down.
 * Null without positives.
 */
export function averagePrecision(ranking: Ranking): number | null {
	const { groupStarts, groupPositives, positives } = ranking;
	if (positives === 0) return null;
	let tp = 0;
	let sum = 0;
	for (let g = 0; g < groupPositives.length; g++) {
		const p = groupPositives[g];
		tp += p;
		if (p > 0) sum += (p / positives) * (tp / groupStarts[g + 1]);
	}
	return sum;
}
