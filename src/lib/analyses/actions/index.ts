// Section 11, from insight to action: also bought, bundles and target lists.
export { alsoBoughtChart } from './also-bought-chart';
export { ALSO_BOUGHT_ITEMS, alsoBoughtItemsSql } from './also-bought-items-sql';
export { alsoBoughtSql } from './also-bought-sql';
export { AUDIENCE_MEMBERS, audienceMembersSql } from './audience-members-sql';
export { audienceSummarySql } from './audience-summary-sql';
export { audienceUsersSql } from './audience-users-sql';
export { AUDIENCES, audienceCaseSql, type Audience } from './audiences';
export { bundlesSql } from './bundles-sql';
export { actionsSection } from './section';
