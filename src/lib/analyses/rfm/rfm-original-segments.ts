import type { RfmSegment } from './rfm-segments';

/**
 * The original platform's (R, F) map, six segments in display order (best first); it covers the
 * 5 × 5 grid once. Names shared with the standard map are spelt the same, but most cover other
 * cells (its Champions are R 4–5, the standard map's R 5 only), so only "Can't lose them", the
 * standard map's "At risk" + "Can't lose them" together, keeps the at-risk value unchanged.
 */
export const RFM_ORIGINAL_SEGMENTS: readonly RfmSegment[] = [
	{ name: 'Champions', r: [4, 5], f: [4, 5] },
	{ name: 'Promising', r: [4, 5], f: [1, 3] },
	{ name: 'Loyal customers', r: [3, 3], f: [3, 5] },
	{ name: "Can't lose them", r: [1, 2], f: [3, 5] },
	{ name: 'Hibernating', r: [2, 3], f: [1, 2] },
	{ name: 'Lost', r: [1, 1], f: [1, 2] }
];
