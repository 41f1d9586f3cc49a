import type { Random } from './mulberry32';
import { sampleGamma } from './sample-gamma';

/** One Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(random: Random, a: number, b: number): number {
	for (;;) {
		const x = sampleGamma(random, a);
		const y = sampleGamma(random, b);
		if (x + y > 0) return x / (x + y);
	}
}
