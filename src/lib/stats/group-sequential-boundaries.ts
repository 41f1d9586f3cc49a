import { normalCdf, normalQuantile, normalSurvival } from './distributions';
import { checkInteger, checkOneOf, checkSides, checkUnitInterval } from './validate';

/**
 * - 'obrien-fleming-spending': Lan & DeMets (1983) O'Brien–Fleming-type spending per side,
 *   a(t) = 2 − 2Φ(z_{1−a/2}/√t) with a = α/sides;
 * - 'pocock-spending': Lan & DeMets Pocock-type, a(t) = a ln(1 + (e − 1)t);
 * - 'obrien-fleming': O'Brien & Fleming (1979) bounds C/√t_k; 'pocock': Pocock (1977) constant C.
 */
export type BoundaryDesign = 'obrien-fleming-spending' | 'pocock-spending' | 'obrien-fleming' | 'pocock';
const DESIGNS: readonly BoundaryDesign[] = ['obrien-fleming-spending', 'pocock-spending', 'obrien-fleming', 'pocock'];

export interface GroupSequentialOptions {
	/** K equally spaced looks (t_k = k/K); or give informationFractions. */
	looks?: number;
	/** Increasing information fractions in (0, 1], the last 1. */
	informationFractions?: number[];
	/** Overall type I error; default 0.05. */
	alpha?: number;
	/** 2 (default): symmetric bounds ±z_k with α/2 per side; 1: upper bounds only. */
	sides?: 1 | 2;
	/** Default 'obrien-fleming-spending'. */
	design?: BoundaryDesign;
}

export interface GroupSequentialBoundaries {
	informationFractions: number[];
	/** Critical |Z| (two-sided) or Z (one-sided) at each look. */
	z: number[];
	/** The same bound as a p-value threshold at each look: sides · (1 − Φ(z_k)). */
	nominalAlpha: number[];
	/** P(stop by look k | H0), both sides together. */
	cumulativeAlpha: number[];
	alpha: number;
	sides: 1 | 2;
	design: BoundaryDesign;
}

/** Density of Z_k on a Simpson grid over the continuation region: points and weight × density. */
interface Density {
	z: Float64Array;
	wf: Float64Array;
}

const EDGE = 12;

/**
 * P(cross at look k, not before | H0) with bound c. Z_k = S(t_k)/√t_k for Brownian motion S, so
 * given Z_{k−1} = z, Z_k √t_k = z √t_{k−1} + N(0, t_k − t_{k−1}) (Armitage, McPherson & Rowe 1969;
 * Jennison & Turnbull 2000 ch. 19).
 */
function crossing(prev: Density | null, tPrev: number, t: number, c: number, sides: 1 | 2): number {
	if (prev === null) return sides * normalSurvival(c);
	const sd = Math.sqrt(t - tPrev);
	const st = Math.sqrt(t);
	const sp = Math.sqrt(tPrev);
	let p = 0;
	for (let j = 0; j < prev.z.length; j++) {
		const m = prev.z[j] * sp;
		let q = normalSurvival((c * st - m) / sd);
		if (sides === 2) q += normalCdf((-c * st - m) / sd);
		p += prev.wf[j] * q;
	}
	return p;
}

/** The density of Z_k on [lo, hi], from that of Z_{k−1} (or φ at the first look). */
function nextDensity(prev: Density | null, tPrev: number, t: number, lo: number, hi: number, step: number): Density {
	const intervals = 2 * Math.max(1, Math.ceil((hi - lo) / (2 * step)));
	const h = (hi - lo) / intervals;
	const z = new Float64Array(intervals + 1);
	const wf = new Float64Array(intervals + 1);
	const sd = Math.sqrt(t - tPrev);
	const st = Math.sqrt(t);
	const sp = Math.sqrt(tPrev);
	const norm = st / (sd * Math.sqrt(2 * Math.PI));
	for (let i = 0; i <= intervals; i++) {
		const y = lo + i * h;
		let f: number;
		if (prev === null) f = Math.exp(-0.5 * y * y) / Math.sqrt(2 * Math.PI);
		else {
			f = 0;
			for (let j = 0; j < prev.z.length; j++) {
				const u = (y * st - prev.z[j] * sp) / sd;
				f += prev.wf[j] * Math.exp(-0.5 * u * u);
			}
			f *= norm;
		}
		const simpson = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
		z[i] = y;
		wf[i] = ((simpson * h) / 3) * f;
	}
	return { z, wf };
}

/** Grid step at look k: a tenth of the narrowest normal kernel the density meets. */
function stepAt(t: number[], k: number): number {
	const before = k === 0 ? 1 : Math.sqrt((t[k] - t[k - 1]) / t[k]);
	const after = k + 1 < t.length ? Math.sqrt((t[k + 1] - t[k]) / t[k]) : 1;
	return Math.min(before, after, 1) / 10;
}

function spending(design: BoundaryDesign, perSide: number): (t: number) => number {
	if (design === 'pocock-spending') return (t) => perSide * Math.log(1 + (Math.E - 1) * t);
	const z = normalQuantile(1 - perSide / 2);
	return (t) => 2 * normalSurvival(z / Math.sqrt(t));
}

function solveDecreasing(f: (c: number) => number, target: number, lo: number, hi: number): number {
	for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
		const mid = (lo + hi) / 2;
		if (f(mid) > target) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/**
 * Group-sequential critical values for K looks at information fractions t_k, by recursive
 * numerical integration of the joint normal distribution of the look statistics (Simpson's rule,
 * Jennison & Turnbull 2000 ch. 19). Spending designs solve each look so that P(first crossing at
 * look k | H0) = sides · (a(t_k) − a(t_{k−1})); the classical designs solve for the constant C
 * that makes the total crossing probability α. Reject at look k when |Z_k| >= z_k (two-sided).
 */
export function groupSequentialBoundaries(options: GroupSequentialOptions): GroupSequentialBoundaries {
	const { alpha = 0.05, sides = 2, design = 'obrien-fleming-spending' } = options;
	checkUnitInterval('alpha', alpha);
	checkSides(sides);
	checkOneOf('design', design, DESIGNS);
	let t: number[];
	if (options.informationFractions !== undefined) {
		t = options.informationFractions;
		if (!Array.isArray(t) || t.length < 1 || t.some((v, i) => !(v > (i === 0 ? 0 : t[i - 1]) && v <= 1)) || t[t.length - 1] !== 1) {
			throw new Error(`invalid informationFractions: ${JSON.stringify(t)} (must increase within (0, 1] and end at 1)`);
		}
	} else {
		if (options.looks === undefined) throw new Error('invalid looks: undefined (give looks, an integer between 1 and 100, or informationFractions)');
		const K = checkInteger('looks', options.looks, 1, 100);
		t = Array.from({ length: K }, (_, k) => (k + 1) / K);
	}
	const K = t.length;
	const lowFor = (c: number) => (sides === 2 ? -Math.min(c, EDGE) : -EDGE);
	const z: number[] = [];
	const cumulativeAlpha: number[] = [];
	if (design === 'obrien-fleming-spending' || design === 'pocock-spending') {
		const spend = spending(design, alpha / sides);
		let prev: Density | null = null;
		let spent = 0;
		for (let k = 0; k < K; k++) {
			const tPrev = k === 0 ? 0 : t[k - 1];
			const target = sides * spend(t[k]) - spent;
			const c = solveDecreasing((c) => crossing(prev, tPrev, t[k], c, sides), target, 0, 40);
			spent += crossing(prev, tPrev, t[k], c, sides);
			z.push(c);
			cumulativeAlpha.push(spent);
			if (k + 1 < K) prev = nextDensity(prev, tPrev, t[k], lowFor(c), Math.min(c, EDGE), stepAt(t, k));
		}
	} else {
		const shape = (k: number) => (design === 'obrien-fleming' ? 1 / Math.sqrt(t[k]) : 1);
		const run = (C: number, record: boolean): number => {
			let prev: Density | null = null;
			let total = 0;
			for (let k = 0; k < K; k++) {
				const tPrev = k === 0 ? 0 : t[k - 1];
				const c = C * shape(k);
				total += crossing(prev, tPrev, t[k], c, sides);
				if (record) {
					z.push(c);
					cumulativeAlpha.push(total);
				}
				if (k + 1 < K) prev = nextDensity(prev, tPrev, t[k], lowFor(c), Math.min(c, EDGE), stepAt(t, k));
			}
			return total;
		};
		run(solveDecreasing((C) => run(C, false), alpha, 0, 20), true);
	}
	return {
		informationFractions: [...t],
		z,
		nominalAlpha: z.map((c) => sides * normalSurvival(c)),
		cumulativeAlpha,
		alpha,
		sides,
		design
	};
}
