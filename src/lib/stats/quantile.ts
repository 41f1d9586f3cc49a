import { checkClosedUnitInterval } from './validate';

/**
 * The p-quantile of ascending-sorted values by linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, R's default): h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
	checkClosedUnitInterval('p', p);
	const n = sorted.length;
	if (n === 0) throw new Error('invalid sorted: 0 values (must have at least 1)');
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
