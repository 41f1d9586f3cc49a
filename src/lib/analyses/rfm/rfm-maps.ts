import { RFM_ORIGINAL_SEGMENTS } from './rfm-original-segments';
import { AT_RISK_SEGMENTS, RFM_SEGMENTS, type RfmSegment } from './rfm-segments';

/** The `rfm_map` input's value for the standard ten-segment map (the default). */
export const RFM_MAP_TEN = 'ten segments';
/** The `rfm_map` input's value for the original platform's six-segment map. */
export const RFM_MAP_SIX = 'six segments (original platform)';

/** A segment map the scores can use: its input value, its segments and those whose spend is at-risk value. */
export interface RfmMap {
	value: string;
	segments: readonly RfmSegment[];
	atRisk: readonly string[];
}

/**
 * The maps, the default first. Each map's at-risk segments cover the same cells, R 1–2 and
 * F 3–5 (bought often, not lately), so the at-risk value does not depend on the map.
 */
export const RFM_MAPS: readonly RfmMap[] = [
	{ value: RFM_MAP_TEN, segments: RFM_SEGMENTS, atRisk: AT_RISK_SEGMENTS },
	{ value: RFM_MAP_SIX, segments: RFM_ORIGINAL_SEGMENTS, atRisk: ["Can't lose them"] }
];

/** Every map's segment names, each once: the default map's in display order, then the others' new ones. */
export const RFM_SEGMENT_NAMES: readonly string[] = [...new Set(RFM_MAPS.flatMap((m) => m.segments.map((s) => s.name)))];
