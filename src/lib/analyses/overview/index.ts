// Section 2 of the notebook: headline KPIs, daily revenue and DAU, month over month.
export { overviewDailySql } from './overview-daily-sql';
export { overviewKpisSql } from './overview-kpis-sql';
export { MONTH_KPIS, overviewMonthChangeSql } from './overview-month-change-sql';
export { overviewMonthsSql } from './overview-months-sql';
export { overviewSection } from './section';
