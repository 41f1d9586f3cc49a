// Section 3 of the notebook: event mix, column profile, prices, duplicates, shared sessions,
// top categories and brands.
export { explorerColumnsSql } from './explorer-columns-sql';
export { explorerDuplicatesSql } from './explorer-duplicates-sql';
export { explorerEventMixSql } from './explorer-event-mix-sql';
export { explorerPriceBinsSql } from './explorer-price-bins-sql';
export { explorerPricesSql } from './explorer-prices-sql';
export { explorerSharedSessionsSql } from './explorer-shared-sessions-sql';
export { explorerTopBrandsSql, explorerTopCategoriesSql } from './explorer-top-sql';
export { explorerSection } from './section';
