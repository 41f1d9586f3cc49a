// Brand loyalty (section 8): phone brand vs the brand of later accessories.
export { ACCESSORY_CODES, PHONE_CODE } from './accessory-codes';
export { brandLoyaltyChart } from './brand-loyalty-chart';
export { brandLoyaltyOverallSql } from './brand-loyalty-overall-sql';
export { brandLoyaltySql } from './brand-loyalty-sql';
export { brandLoyaltyTopSql } from './brand-loyalty-top-sql';
export { brandLoyaltySection } from './section';
