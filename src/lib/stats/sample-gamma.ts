import type { Random } from './mulberry32';
import { sampleNormal } from './sample-normal';

/**
 * One Gamma(shape, 1) draw: Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables"; for shape < 1, Gamma(shape + 1) · U^(1/shape).
 */
export function sampleGamma(random: Random, shape: number): number {
	if (shape < 1) return sampleGamma(random, shape + 1) * Math.pow(random(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		const x = sampleNormal(random);
		let v = 1 + c * x;
		if (v <= 0) continue;
		v = v * v * v;
		const u = random();
		if (u < 1 - 0.0331 * x * x * x * x) return d * v;
		if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
	}
}
