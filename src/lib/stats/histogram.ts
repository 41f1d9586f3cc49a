import { checkInteger, checkSample } from './validate';

/** One bin of a histogram: [x0, x1) (the last bin also holds x1), with its count and share. */
export interface HistogramBin {
	x0: number;
	x1: number;
	count: number;
	share: number;
}

/** Equal-width histogram of values over [min, max] with `bins` bins; one zero-width bin when all are equal. */
export function histogram(values: ArrayLike<number>, bins = 30): HistogramBin[] {
	checkSample('values', values, 1);
	checkInteger('bins', bins, 1, 10_000);
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		if (values[i] < min) min = values[i];
		if (values[i] > max) max = values[i];
	}
	const n = values.length;
	if (min === max) return [{ x0: min, x1: max, count: n, share: 1 }];
	const width = (max - min) / bins;
	const counts = new Array<number>(bins).fill(0);
	for (let i = 0; i < n; i++) counts[Math.min(bins - 1, Math.floor((values[i] - min) / width))]++;
	return counts.map((count, i) => ({
		x0: min + i * width,
		x1: i === bins - 1 ? max : min + (i + 1) * width,
		count,
		share: count / n
	}));
}
