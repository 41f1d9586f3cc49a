export { rfmAtRiskSql } from './rfm-at-risk-sql';
export { rfmGridSql } from './rfm-grid-sql';
export { rfmScoresSql } from './rfm-scores-sql';
export { RFM_SCORES, rfmSegmentSummarySql } from './rfm-segment-summary-sql';
export { rfmSegmentUsersSql } from './rfm-segment-users-sql';
export { AT_RISK_SEGMENTS, RFM_SEGMENTS, rfmSegmentSql, type RfmSegment } from './rfm-segments';
export { rfmSection } from './section';
