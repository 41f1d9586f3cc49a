export { COHORT_RETENTION, cohortCurveSql } from './cohort-curve-sql';
export { cohortOneSessionSql } from './cohort-one-session-sql';
export { COHORT_WEEKS, cohortRetentionSql } from './cohort-retention-sql';
export { cohortSection } from './section';
