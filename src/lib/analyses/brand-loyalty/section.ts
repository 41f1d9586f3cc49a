import { chartCell, sqlCell } from '../cell-fence';
import { ACCESSORY_CODES, PHONE_CODE } from './accessory-codes';
import { brandLoyaltyChart } from './brand-loyalty-chart';
import { brandLoyaltyOverallSql } from './brand-loyalty-overall-sql';
import { brandLoyaltySql } from './brand-loyalty-sql';
import { brandLoyaltyTopSql } from './brand-loyalty-top-sql';

/** The brand-loyalty part of section 8: do phone buyers buy accessories of their phone's brand? */
export function brandLoyaltySection(): string {
	const accessories = ACCESSORY_CODES.map((c) => `\`${c}\``).join(', ');
	return [
		`### Brand loyalty

Do phone buyers stay with their phone's brand when they buy accessories? Purchases are
\`basket_items\` rows: one per product bought in a session, at the time of its first purchase
event. A **phone** is a purchase with category code \`${PHONE_CODE}\` and a known brand; an
**accessory** is a purchase with a known brand and one of these category codes:
${accessories} (tablets and watches are devices of their own, memory cards go with cameras).

For each user and each phone brand X the user bought, the **phone time** is the user's first
purchase of an X phone. The user's **later accessories** are the accessories bought strictly
after that time (in the same session too, if bought after the phone). A user with phones of two
brands counts for both brands, each from its own phone time. Per phone brand X:

- **observed share** = later accessories of brand X / all later accessories (of X phone buyers);
- **expected share** = accessories of brand X / all accessories (every user, the whole period):
  the share brand popularity alone predicts;
- **lift** = observed / expected. 1 means no loyalty beyond popularity; empty when brand X sells
  no accessories. \`phone_buyers\` counts users with an X phone, \`accessory_buyers\` those of
  them with a later accessory.

Edit the category lists in the SQL to ask the same of other lines (printers and cartridges,
coffee machines and capsules).`,
		sqlCell('brand_loyalty', brandLoyaltySql()),
		`All phone brands together: the expected share is each brand's expected share weighted by its
later accessories.`,
		sqlCell('brand_loyalty_overall', brandLoyaltyOverallSql()),
		`The chart shows the 12 phone brands with the most later accessories among those that sell
accessories at all.`,
		sqlCell('brand_loyalty_top', brandLoyaltyTopSql({ limit: '12' })),
		chartCell('brand_loyalty_chart', brandLoyaltyChart())
	].join('\n\n');
}
