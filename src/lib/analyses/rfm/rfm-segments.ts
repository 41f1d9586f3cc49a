import { quoteString } from '../../data/sql';

/** A segment of the (R, F) grid: R and F score ranges, both inclusive. */
export interface RfmSegment {
	name: string;
	r: readonly [number, number];
	f: readonly [number, number];
}

/** The standard (R, F) segment map, in display order (best first); it covers the 5 × 5 grid once. */
export const RFM_SEGMENTS: readonly RfmSegment[] = [
	{ name: 'Champions', r: [5, 5], f: [4, 5] },
	{ name: 'Loyal customers', r: [3, 4], f: [4, 5] },
	{ name: 'Potential loyalists', r: [4, 5], f: [2, 3] },
	{ name: 'New customers', r: [5, 5], f: [1, 1] },
	{ name: 'Promising', r: [4, 4], f: [1, 1] },
	{ name: 'Need attention', r: [3, 3], f: [3, 3] },
	{ name: 'About to sleep', r: [3, 3], f: [1, 2] },
	{ name: 'At risk', r: [1, 2], f: [3, 4] },
	{ name: "Can't lose them", r: [1, 2], f: [5, 5] },
	{ name: 'Hibernating', r: [1, 2], f: [1, 2] }
];

/** The standard map's segments whose spend is "at-risk value": bought often (F 3–5), not lately (R 1–2). */
export const AT_RISK_SEGMENTS = ['At risk', "Can't lose them"] as const;

const within = (score: string, [lo, hi]: readonly [number, number]) => (lo === hi ? `${score} = ${lo}` : `${score} BETWEEN ${lo} AND ${hi}`);

/** The segment name of scores `r` and `f` (SQL expressions) under `segments`, by default the standard map. */
export function rfmSegmentSql(r: string, f: string, segments: readonly RfmSegment[] = RFM_SEGMENTS): string {
	const when = segments.map((s) => `    WHEN ${within(r, s.r)} AND ${within(f, s.f)} THEN ${quoteString(s.name)}`);
	return `CASE\n${when.join('\n')}\n  END`;
}
