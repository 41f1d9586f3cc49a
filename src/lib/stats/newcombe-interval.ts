import type { Interval } from './interval';
import { checkTwoCounts, type TwoCounts } from './two-proportion-z-test';
import { checkUnitInterval } from './validate';
import { wilsonInterval } from './wilson-interval';

/**
 * Newcombe's hybrid score interval for p2 − p1 (Newcombe 1998, Stat Med 17:873, method 10): with
 * Wilson limits (l1, u1) for p1 and (l2, u2) for p2,
 * lower = (p2 − p1) − √((p2 − l2)² + (u1 − p1)²), upper = (p2 − p1) + √((u2 − p2)² + (p1 − l1)²).
 */
export function newcombeInterval(counts: TwoCounts, confidence = 0.95): Interval {
	checkTwoCounts(counts);
	checkUnitInterval('confidence', confidence);
	const a = wilsonInterval(counts.x1, counts.n1, confidence);
	const b = wilsonInterval(counts.x2, counts.n2, confidence);
	const estimate = b.estimate - a.estimate;
	return {
		estimate,
		lower: estimate - Math.hypot(b.estimate - b.lower, a.upper - a.estimate),
		upper: estimate + Math.hypot(b.upper - b.estimate, a.estimate - a.lower)
	};
}
