// Section 4 of the notebook: the view → cart → purchase funnel, its leaks, and the funnel of
// the top categories and brands.
export { funnelByBrandSql, funnelByCategorySql } from './funnel-by-label-sql';
export { funnelLeaksSql } from './funnel-leaks-sql';
export { FUNNEL_RATES, funnelBrandRatesSql, funnelCategoryRatesSql } from './funnel-rates-sql';
export { funnelStepsSql } from './funnel-steps-sql';
export { FUNNEL_TOP_N, funnelSection } from './section';
