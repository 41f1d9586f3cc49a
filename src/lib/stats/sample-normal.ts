import type { Random } from './mulberry32';

/** One standard normal draw by Marsaglia's polar method. */
export function sampleNormal(random: Random): number {
	for (;;) {
		const u = 2 * random() - 1;
		const v = 2 * random() - 1;
		const s = u * u + v * v;
		if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
	}
}
