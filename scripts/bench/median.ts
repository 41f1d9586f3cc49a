/** The median of the measured values (nulls skipped); null when there are none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
	const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
	if (xs.length === 0) return null;
	const mid = xs.length >> 1;
	return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}
