import { checkSample } from './validate';

/** Mean, standard deviation (n − 1 denominator) and size of a sample. */
export interface SummaryStats {
	mean: number;
	sd: number;
	n: number;
}

export function mean(values: ArrayLike<number>): number {
	checkSample('values', values, 1);
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i];
	return sum / values.length;
}

/** Sample variance with the n − 1 denominator (two-pass). */
export function variance(values: ArrayLike<number>): number {
	checkSample('values', values, 2);
	const m = mean(values);
	let ss = 0;
	for (let i = 0; i < values.length; i++) ss += (values[i] - m) ** 2;
	return ss / (values.length - 1);
}

/** Sample covariance of paired values, n − 1 denominator. */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
	checkSample('x', x, 2);
	checkSample('y', y, 2);
	if (x.length !== y.length) throw new Error(`invalid y: ${y.length} values (must have as many as x: ${x.length})`);
	const mx = mean(x);
	const my = mean(y);
	let s = 0;
	for (let i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
	return s / (x.length - 1);
}

/** Pearson correlation of paired values. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
	return covariance(x, y) / Math.sqrt(variance(x) * variance(y));
}

/** Mean, sd and n of a sample of at least 2 values. */
export function summarize(values: ArrayLike<number>): SummaryStats {
	return { mean: mean(values), sd: Math.sqrt(variance(values)), n: values.length };
}
