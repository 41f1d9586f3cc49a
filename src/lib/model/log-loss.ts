/** log(1 + e^x) without overflow. */
export function softplus(x: number): number {
	return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Mean log loss of raw scores (log-odds), over all rows or the given ones. */
export function logLossOfRaw(raw: Float64Array, labels: Uint8Array, rows: Uint32Array | null = null): number {
	let sum = 0;
	const n = rows === null ? raw.length : rows.length;
	for (let k = 0; k < n; k++) {
		const i = rows === null ? k : rows[k];
		sum += softplus(raw[i]) - labels[i] * raw[i];
	}
	return sum / n;
}

/**
 * Mean log loss of probabilities, each clipped to [1e-15, 1 − 1e-15] (as scikit-learn's
 * log_loss did before 1.5). NaN for no rows.
 */
export function logLoss(scores: ArrayLike<number>, labels: Uint8Array): number {
	const eps = 1e-15;
	let sum = 0;
	for (let i = 0; i < labels.length; i++) {
		const p = Math.min(Math.max(scores[i], eps), 1 - eps);
		sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
	}
	return sum / labels.length;
}
