import jStat from 'jstat';

/**
 * Distribution functions. jStat supplies the t, noncentral t and beta functions and starting
 * quantiles; written here are what it lacks: normal and chi-square upper tails that keep their
 * relative precision far out (jStat computes them as 1 − cdf), and normal and t quantiles refined
 * by Newton steps to the precision of the cdfs.
 */

// Chebyshev coefficients of erfc (Press et al., Numerical Recipes 3rd ed. §6.2.2, Erf::erfccheb).
const ERFC_COF = [
	-1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
	-9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
	-1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
	5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
	8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
	-2.8e-17
];

/** erfc(z) for z >= 0, with relative precision near 1e-16 however small the result. */
function erfcNonNegative(z: number): number {
	const t = 2 / (2 + z);
	const ty = 4 * t - 2;
	let d = 0;
	let dd = 0;
	for (let j = ERFC_COF.length - 1; j > 0; j--) {
		const tmp = d;
		d = ty * d - dd + ERFC_COF[j];
		dd = tmp;
	}
	return t * Math.exp(-z * z + 0.5 * (ERFC_COF[0] + ty * d) - dd);
}

/** Standard normal density φ(x). */
export function normalDensity(x: number): number {
	return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Standard normal upper tail 1 − Φ(x) = erfc(x/√2)/2. */
export function normalSurvival(x: number): number {
	if (x === Infinity) return 0;
	if (x === -Infinity) return 1;
	return x >= 0 ? 0.5 * erfcNonNegative(x / Math.SQRT2) : 1 - 0.5 * erfcNonNegative(-x / Math.SQRT2);
}

/** Standard normal cdf Φ(x). */
export function normalCdf(x: number): number {
	return normalSurvival(-x);
}

/** Standard normal quantile Φ⁻¹(p): jStat's estimate, then Newton steps on the precise tail. */
export function normalQuantile(p: number): number {
	if (!(p >= 0 && p <= 1)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	if (p > 0.5) return -normalQuantile(1 - p);
	let x = jStat.normal.inv(p, 0, 1);
	if (!Number.isFinite(x)) x = -Math.sqrt(-2 * Math.log(p));
	for (let i = 0; i < 3; i++) {
		const step = (normalCdf(x) - p) / normalDensity(x);
		if (!Number.isFinite(step)) break;
		x -= step;
		if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break;
	}
	return x;
}

/** Student t cdf with df degrees of freedom (df may be fractional, as in Welch's test). */
export function studentTCdf(x: number, df: number): number {
	if (x === Infinity) return 1;
	if (x === -Infinity) return 0;
	// jStat evaluates the lower tail through I_x(df/2, df/2) with x near 0 only for t < 0.
	return x <= 0 ? jStat.studentt.cdf(x, df) : 1 - jStat.studentt.cdf(-x, df);
}

/** Student t upper tail P(T > x). */
export function studentTSurvival(x: number, df: number): number {
	return studentTCdf(-x, df);
}

/** Student t density. */
export function studentTDensity(x: number, df: number): number {
	return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((x * x) / df));
}

/** Student t quantile: jStat's estimate (its inverse incomplete beta stops at 1e-8), then Newton steps on the cdf. */
export function studentTQuantile(p: number, df: number): number {
	if (!(p >= 0 && p <= 1)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	if (p > 0.5) return -studentTQuantile(1 - p, df);
	let x = jStat.studentt.inv(p, df);
	for (let i = 0; i < 3; i++) {
		const step = (studentTCdf(x, df) - p) / studentTDensity(x, df);
		if (!Number.isFinite(step)) break;
		x -= step;
		if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(x))) break;
	}
	return x;
}

/** Noncentral t cdf (jStat's series). */
export function noncentralTCdf(x: number, df: number, ncp: number): number {
	return Math.min(1, Math.max(0, jStat.noncentralt.cdf(x, df, ncp)));
}

/** log Γ(x) for x > 0 (jStat: Lanczos, Numerical Recipes). */
export function logGamma(x: number): number {
	return jStat.gammaln(x);
}

/** log B(a, b). */
export function logBeta(a: number, b: number): number {
	return jStat.betaln(a, b);
}

/** Regularized incomplete beta I_x(a, b): the Beta(a, b) cdf. */
export function betaCdf(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	return jStat.beta.cdf(x, a, b);
}

/** Beta(a, b) quantile. */
export function betaQuantile(p: number, a: number, b: number): number {
	return jStat.beta.inv(p, a, b);
}

/**
 * Regularized upper incomplete gamma Q(a, x): series for P when x < a + 1, else the continued
 * fraction for Q by modified Lentz (Numerical Recipes 3rd ed. §6.2, gser and gcf).
 */
function gammaQ(a: number, x: number): number {
	if (x <= 0) return 1;
	const logPrefix = -x + a * Math.log(x) - logGamma(a);
	if (x < a + 1) {
		let ap = a;
		let del = 1 / a;
		let sum = del;
		for (let i = 0; i < 10_000; i++) {
			ap += 1;
			del *= x / ap;
			sum += del;
			if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
		}
		return Math.max(0, 1 - sum * Math.exp(logPrefix));
	}
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 10_000; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < 1e-16) break;
	}
	return Math.exp(logPrefix) * h;
}

/** Chi-square upper tail P(X > x) with df degrees of freedom: the p-value of a chi-square statistic. */
export function chiSquareSurvival(x: number, df: number): number {
	if (!(x > 0)) return 1;
	if (x === Infinity) return 0;
	if (df === 1) return 2 * normalSurvival(Math.sqrt(x));
	if (df === 2) return Math.exp(-x / 2);
	return gammaQ(df / 2, x / 2);
}
