import { BASKET_MAX_TRIPLE_ITEMS } from '../../store/item-triples-table';
import { AT_RISK_SEGMENTS } from '../rfm/rfm-segments';
import { chartCell, inputCell, sqlCell } from '../cell-fence';
import { alsoBoughtChart } from './also-bought-chart';
import { ALSO_BOUGHT_ITEMS, alsoBoughtItemsSql } from './also-bought-items-sql';
import { alsoBoughtSql } from './also-bought-sql';
import { AUDIENCE_MEMBERS, audienceMembersSql } from './audience-members-sql';
import { audienceSummarySql } from './audience-summary-sql';
import { audienceUsersSql } from './audience-users-sql';
import { AUDIENCES } from './audiences';
import { bundlesSql } from './bundles-sql';
import { cutDateSql } from '../propensity/propensity-features-sql';

const date = (input: string) => `CAST($${input} AS DATE)`;

/** The audiences' rules as a markdown table, from the same list the SQL uses. */
function audienceTable(): string {
	const cell = (s: string) => s.replaceAll('|', '\\|');
	const rows = AUDIENCES.map((a) => `| ${a.name} | \`${cell(a.withModel)}\` | ${a.action} |`);
	return ['| audience | who (first match wins) | action |', '|---|---|---|', ...rows].join('\n');
}

/** Section 11 of the Customer Intelligence notebook: also bought, bundles and target lists. */
export function actionsSection(): string {
	return [
		`## 11. From insight to action

What to recommend beside a product, which items make a bundle, and whom to contact with which
offer. Every figure is counted from the open data set, from the tables the store built once.

### Customers also bought

Pick a product, a category or a brand (type part of its id or name: the list is searched as you
type). Empty, the most bought product is used. A **basket** is all of one user's purchases in the
data (\`user\`: customers who bought X also bought Y) or one purchase session (\`session\`:
bought in the same visit). For the chosen item X and each partner Y bought in the same baskets
at least the minimum pair count of times:

- \`baskets_ab\`: baskets holding X and Y; **support** = baskets_ab / all baskets;
- **confidence** = baskets_ab / baskets holding X: of X's buyers, the share who also bought Y;
- **lift** = confidence / (baskets holding Y / all baskets): 3 means Y is bought three times as
  often by X's buyers as by everyone.

Partners are ranked by lift. A lift from a handful of baskets is noise: raise the minimum pair
count for a steadier list (product pairs were stored when in at least 2 baskets; category and
brand pairs all, in baskets of at most 100 distinct items, see section 8).`,
		sqlCell(ALSO_BOUGHT_ITEMS, alsoBoughtItemsSql()),
		inputCell('also_bought_item', { type: 'search', value: '', options: ALSO_BOUGHT_ITEMS, label: 'Item', placeholder: 'most bought product' }),
		inputCell('also_bought_basket', { type: 'select', value: 'user', options: ['user', 'session'], label: 'basket' }),
		inputCell('also_bought_min_pairs', { type: 'number', value: 2, min: 1, step: 1, label: 'minimum pair count (baskets)' }),
		sqlCell('also_bought', alsoBoughtSql({ item: '$also_bought_item', basket: '$also_bought_basket', minPairs: '$also_bought_min_pairs' })),
		chartCell('also_bought_chart', alsoBoughtChart()),
		`### Bundles

Three items bought together: category codes or brands, in the baskets chosen above. For items A,
B and C, **support** is the share of baskets holding all three, **lift** how much more often
the three meet than if each were bought independently (baskets(A,B,C) · N² / (baskets(A) ·
baskets(B) · baskets(C))), and the **attach rate** of an add-on C the share of baskets holding
A and B that also hold C. Each bundle shows its best add-on (the highest attach rate) and that
rule's lift (attach rate / support of the add-on). The store counted the triples once
(\`item_triples\`): those in at least 2 baskets, from baskets of at most ${BASKET_MAX_TRIPLE_ITEMS} distinct items (a
basket of k items makes k(k−1)(k−2)/6 triples, so resellers' baskets are left out of every
count, the totals included). Purchase sessions rarely hold three labelled items; customers
(user baskets) do.`,
		inputCell('bundle_item_level', { type: 'select', value: 'category_code', options: ['category_code', 'brand'], label: 'bundle of' }),
		inputCell('bundle_min_baskets', { type: 'number', value: 2, min: 1, step: 1, label: 'minimum baskets' }),
		sqlCell('bundles', bundlesSql({ itemLevel: '$bundle_item_level', basket: '$also_bought_basket', minBaskets: '$bundle_min_baskets' })),
		`### Target lists

Named audiences built from the RFM segment, the propensity model's score and spend, all **as
of the model's test cut** (section 9), so that what happened next is
known and each audience's expectation can be held against it. A user joins the first audience
whose rule takes them. \`peer_decile\` is a user's score decile among users like them (1 = their
top 10%): buyers before the cut among buyers, the others among the others. (The model's own
\`decile\` is over every user, most of whom never bought, so nearly every buyer is in its top
three and it cannot split buyers.) The rules read the model's scores: where the model cannot be
trained (too little data), these cells report its error.

${audienceTable()}

Per user, **spend per purchase** is their spend before the cut divided by their purchases (for a
user with none, that of all purchases before the cut), and **expected value** = score × spend
per purchase: the revenue the model expects from them in the test window. \`buyers_after\` and
\`revenue_after\` are what actually happened in that window. For a cross-sell, each user's
\`favourite_category\` is the category they bought most before the cut; an audience's user list
below pairs it with \`cross_sell\`: its also-bought partner with the highest lift among
customers, in at least the minimum pair count of them (the also-bought input above). At-risk buyers are the
${AT_RISK_SEGMENTS.map((s) => `*${s}*`).join(' and ')} segments.`,
		sqlCell(AUDIENCE_MEMBERS, audienceMembersSql({ users: 'features_test', scores: 'propensity_scores', cut: cutDateSql('model_test_cut', 'last'), end: date('model_test_end') })),
		sqlCell('audiences', audienceSummarySql()),
		`The users of one audience, highest expected value first: export them with the table's CSV link.`,
		inputCell('audience', { type: 'select', value: AUDIENCES[0].name, options: AUDIENCES.map((a) => a.name), label: 'Audience' }),
		sqlCell('audience_users', audienceUsersSql({ audience: '$audience', minPairs: '$also_bought_min_pairs' }))
	].join('\n\n');
}
