import { checkOneOf } from './validate';

/**
 * The alternative hypothesis of a test about group 2 minus group 1 (treatment B minus control A):
 * 'greater' is B > A, 'less' is B < A.
 */
export type Alternative = 'two-sided' | 'greater' | 'less';
export const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'greater', 'less'];

export function checkAlternative(value: Alternative): Alternative {
	return checkOneOf('alternative', value, ALTERNATIVES);
}

/** p-value of a statistic from its cdf and upper tail (a symmetric distribution). */
export function pValueFor(statistic: number, alternative: Alternative, cdf: (x: number) => number, survival: (x: number) => number): number {
	if (alternative === 'greater') return survival(statistic);
	if (alternative === 'less') return cdf(statistic);
	return Math.min(1, 2 * survival(Math.abs(statistic)));
}
