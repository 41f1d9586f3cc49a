import { basketPairsSql } from './basket-pairs-sql';
import { basketLiftChart } from './basket-lift-chart';
import { BASKET_MAX_ITEMS } from '../../store/basket-sets';
import { basketSummarySql } from './basket-summary-sql';
import { basketTopPairsSql } from './basket-top-pairs-sql';
import { chartCell, inputCell, sqlCell } from '../cell-fence';

const level = '$basket_level';
const itemLevel = '$basket_item_level';

/** Section 8 of the Customer Intelligence notebook: what is bought together. */
export function basketSection(): string {
	return [
		`## 8. Market basket

What is bought together. A **basket** is either one purchase session (level \`session\`) or
everything one user bought in the period (level \`user\`). Its **items** are the distinct
products, category codes or brands bought in it; a purchase without a category code (or brand)
adds no item at that level.

For two items A and B of the chosen level:

- **N, total baskets**: baskets that contain at least one item of the level (at category level,
  purchase sessions or buyers with at least one product that has a category code);
- **baskets(A)**: baskets containing A; **baskets(A, B)** (\`baskets_ab\`, the pair count):
  baskets containing both;
- **support(A, B)** = baskets(A, B) / N, and support(B) = baskets(B) / N;
- **confidence(A → B)** = baskets(A, B) / baskets(A) (\`confidence_a_to_b\`: of the baskets
  with A, the share that also hold B); confidence(B → A) = baskets(A, B) / baskets(B);
- **lift** = confidence(A → B) / support(B) = baskets(A, B) · N / (baskets(A) · baskets(B)).
  It is symmetric: 1 means A and B meet as often as if bought independently, 3 three times as
  often.

Pairs are unordered (A sorts before B) and listed when they are in at least the minimum pair
count of baskets. The store counted every basket and pair once, when it was built from
\`basket_items\` (one row per product bought in a session), so changing an input here only
filters its tables: \`basket_stats\` (one row per level), \`item_pairs\` (category and brand
pairs: distinct (basket, item) rows, then a self-join within each basket) and
\`purchase_pairs\` (product pairs). \`purchase_pairs\` keeps only pairs in at least
\`stored_pair_min_baskets\` baskets (2 by default), so at product level a lower minimum changes
nothing; \`item_pairs\` keeps every pair. A basket of k items makes k(k−1)/2 pairs, so at the
category and brand levels baskets with more than ${BASKET_MAX_ITEMS} distinct items (resellers, at user level)
are left out of every count, N included, and reported as \`baskets_left_out\` (the cap,
\`max_basket_items\`, is fixed when the store is built). Product baskets are never capped.`,
		inputCell('basket_level', { type: 'select', value: 'session', options: ['session', 'user'], label: 'basket' }),
		inputCell('basket_item_level', { type: 'select', value: 'category_code', options: ['product', 'category_code', 'brand'], label: 'item' }),
		inputCell('basket_min_pairs', { type: 'number', value: 2, min: 1, step: 1, label: 'minimum pair count (baskets)' }),
		inputCell('basket_min_lift', { type: 'number', value: 1.2, min: 0, step: 0.1, label: 'minimum lift' }),
		`The baskets at the chosen levels:`,
		sqlCell('basket_summary', basketSummarySql({ level, itemLevel })),
		`Every pair bought together in at least the minimum pair count of baskets (sort the table by
any column):`,
		sqlCell('basket_pairs', basketPairsSql({ level, itemLevel, minPairs: '$basket_min_pairs' })),
		`The 20 pairs with the highest lift, at least the minimum lift. A high lift from few baskets is
noise (two rare items seen together twice can reach a lift in the hundreds): raise the minimum
pair count for a steadier list, and read \`confidence_a_to_b\` as the attach rate of B to A.`,
		sqlCell('basket_top_pairs', basketTopPairsSql({ minLift: '$basket_min_lift', limit: '20' })),
		chartCell('basket_lift_chart', basketLiftChart())
	].join('\n\n');
}
