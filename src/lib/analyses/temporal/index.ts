export { categoryBreadthSql } from './category-breadth-sql';
export { paydaySql } from './payday-sql';
export { purchasesByHourSql } from './purchases-by-hour-sql';
export { temporalSection } from './section';
export { temporalHeatmapSql } from './temporal-heatmap-sql';
export { TZ_OFFSET_MAX, TZ_OFFSET_MIN, tzOffsetHoursSql } from './tz-offset';
