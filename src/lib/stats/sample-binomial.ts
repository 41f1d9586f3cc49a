import type { Random } from './mulberry32';
import { sampleBeta } from './sample-beta';

/**
 * One Binomial(n, p) draw, exact. While n·p and n·(1 − p) are both large, split on the i-th order
 * statistic of n uniforms, Y ~ Beta(i, n − i + 1) (Knuth, TAOCP vol. 2, §3.4.1): if Y <= p the i
 * smallest are successes and the rest succeed with probability (p − Y)/(1 − Y); else only the
 * i − 1 below Y can, with probability p/Y. The small remainder counts geometric waiting times.
 */
export function sampleBinomial(random: Random, n: number, p: number): number {
	if (p <= 0 || n === 0) return 0;
	if (p >= 1) return n;
	let successes = 0;
	while (n * p > 16 && n * (1 - p) > 16) {
		const i = Math.floor((n + 1) * p);
		const y = sampleBeta(random, i, n - i + 1);
		if (y <= p) {
			successes += i;
			n -= i;
			p = (p - y) / (1 - y);
		} else {
			n = i - 1;
			p /= y;
		}
	}
	const flip = p > 0.5;
	const q = flip ? 1 - p : p;
	const logFail = Math.log1p(-q);
	let k = 0;
	let trials = 0;
	for (;;) {
		trials += Math.floor(Math.log(1 - random()) / logFail) + 1;
		if (trials > n) break;
		k++;
	}
	return successes + (flip ? n - k : k);
}
