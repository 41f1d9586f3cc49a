import { normalQuantile } from './distributions';
import type { Interval } from './interval';
import { checkCount, checkUnitInterval } from './validate';

/**
 * Wilson score interval for a proportion x/n (Wilson 1927; Newcombe 1998a method 3):
 * (p̂ + z²/2n ± z √(p̂q̂/n + z²/4n²)) / (1 + z²/n), z = z_{1−(1−confidence)/2}.
 * At x = 0 the lower bound is exactly 0 and at x = n the upper bound exactly 1 (the formula gives
 * them only up to rounding).
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95): Interval {
	checkCount('x', x, 'n', n);
	checkUnitInterval('confidence', confidence);
	const z = normalQuantile(1 - (1 - confidence) / 2);
	const p = x / n;
	const z2n = (z * z) / n;
	const centre = (p + z2n / 2) / (1 + z2n);
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
	return {
		estimate: p,
		lower: x === 0 ? 0 : Math.max(0, centre - half),
		upper: x === n ? 1 : Math.min(1, centre + half)
	};
}
