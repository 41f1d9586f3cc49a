export { rfmAtRiskSql } from './rfm-at-risk-sql';
export { rfmGridSql } from './rfm-grid-sql';
export { RFM_MAP_SIX, RFM_MAP_TEN, RFM_MAPS, RFM_SEGMENT_NAMES, type RfmMap } from './rfm-maps';
export { RFM_ORIGINAL_SEGMENTS } from './rfm-original-segments';
export { rfmScoresSql } from './rfm-scores-sql';
export { RFM_SCORES, rfmSegmentSummarySql } from './rfm-segment-summary-sql';
export { rfmSegmentUsersSql } from './rfm-segment-users-sql';
export { AT_RISK_SEGMENTS, RFM_SEGMENTS, rfmSegmentSql, type RfmSegment } from './rfm-segments';
export { rfmSection } from './section';
