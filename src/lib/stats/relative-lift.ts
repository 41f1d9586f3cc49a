import { normalQuantile } from './distributions';
import { checkTwoCounts, type TwoCounts } from './two-proportion-z-test';
import { checkUnitInterval } from './validate';

export interface RelativeLift {
	/** p2 / p1 − 1. */
	lift: number;
	/** p2 / p1. */
	ratio: number;
	/** Interval for the lift (the ratio's interval minus 1). */
	lower: number;
	upper: number;
	/** SE of log(p2/p1). */
	standardErrorLog: number;
}

/**
 * Relative lift p2/p1 − 1 with an interval from the delta method on the log ratio (Katz et al. 1978):
 * SE(log(p̂2/p̂1)) = √(1/x1 − 1/n1 + 1/x2 − 1/n2), interval exp(log ratio ± z·SE) − 1. This is
 * statsmodels' confint_proportions_2indep(compare='ratio', method='log'). Needs x1 > 0 and x2 > 0.
 */
export function relativeLift(counts: TwoCounts, confidence = 0.95): RelativeLift {
	checkTwoCounts(counts);
	checkUnitInterval('confidence', confidence);
	const { x1, n1, x2, n2 } = counts;
	if (x1 === 0) throw new Error('invalid x1: 0 (must be > 0: the lift over a zero rate is undefined)');
	if (x2 === 0) throw new Error('invalid x2: 0 (must be > 0: the log ratio of a zero rate is undefined)');
	const ratio = x2 / n2 / (x1 / n1);
	const standardErrorLog = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
	const z = normalQuantile(1 - (1 - confidence) / 2);
	const log = Math.log(ratio);
	return {
		lift: ratio - 1,
		ratio,
		lower: Math.exp(log - z * standardErrorLog) - 1,
		upper: Math.exp(log + z * standardErrorLog) - 1,
		standardErrorLog
	};
}
