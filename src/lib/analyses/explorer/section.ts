import { chartCell, sqlCell } from '../cell-fence';
import { explorerColumnsSql } from './explorer-columns-sql';
import { explorerDuplicatesSql } from './explorer-duplicates-sql';
import { explorerEventMixSql } from './explorer-event-mix-sql';
import { explorerPriceBinsSql } from './explorer-price-bins-sql';
import { explorerPricesSql } from './explorer-prices-sql';
import { explorerSharedSessionsSql } from './explorer-shared-sessions-sql';
import { explorerTopBrandsSql, explorerTopCategoriesSql } from './explorer-top-sql';

const TOP = '15';

/** Section 3 of the Customer Intelligence notebook. */
export function explorerSection(): string {
	return [
		`## 3. Data explorer and quality

What the event log holds and where it is dirty, before any analysis trusts it. Counts are of
rows, exact duplicates included, unless a column says \`dedup\`.

### Event mix

Rows per \`event_type\` and their share of all rows.`,
		sqlCell('explorer_event_mix', explorerEventMixSql()),
		chartCell('explorer_event_mix_chart', {
			data: 'explorer_event_mix',
			height: 150,
			marginLeft: 120,
			x: { label: 'events', grid: true, tickFormat: '~s' },
			y: { label: null },
			marks: [
				{ type: 'barX', x: 'events', y: 'event_type', fill: 'steelblue', sort: { y: '-x' }, tip: true },
				{ type: 'ruleX', x: 0 }
			]
		}),
		`### Columns

For each column of \`events\`: how many values are NULL, how many distinct values it has, and
its lowest and highest value. \`session_id\` is the integer id given to each \`user_session\`
string at ingest (NULL where the session was empty). Distinct users, sessions and products are
the row counts of the \`users\`, \`sessions\` and \`products\` fact tables, which hold one row per
value; for \`event_time\` the count is of UTC days with events; \`event_type\` and \`price\`
come from \`price_counts\`, which counts the events of each (event type, price) pair; the other
columns are counted exactly. All of it is counted once when the store is built, into the
\`column_stats\` fact table, so this cell does not scan the raw events.`,
		sqlCell('explorer_columns', explorerColumnsSql()),
		`### Prices

Prices run from cents to thousands, so the histogram has **logarithmic bins**, three per decade
with edges 1-2-5 (… 10, 20, 50, 100 …); equal-width bins would put almost every event in the
first bar. A bin holds the events with price ≥ \`price_from\` and < \`price_to\`; every event
counts, so a product viewed a hundred times counts a hundred times. Zero and negative prices
cannot sit on a log scale: they are counted in the table after the chart. Both read the
\`price_counts\` fact table, events per event type and price, so changing the bins is instant.`,
		sqlCell('explorer_price_bins', explorerPriceBinsSql()),
		chartCell('explorer_price_chart', {
			data: 'explorer_price_bins',
			title: 'Events by price (log-scale bins, positive prices)',
			height: 240,
			x: { label: 'price', type: 'log', tickFormat: '$,~f' },
			y: { label: 'events', grid: true, tickFormat: '~s' },
			marks: [
				{ type: 'rectY', x1: 'price_from', x2: 'price_to', y: 'events', fill: 'steelblue', inset: 0.5, tip: true },
				{ type: 'ruleY', y: 0 }
			]
		}),
		`Zero, negative and missing prices per event type, and over all rows (\`all\`). A zero-priced
purchase adds nothing to revenue but still counts as an order; \`not_positive_pct\` is the
share of rows whose price is zero, negative or NULL.`,
		sqlCell('explorer_prices', explorerPricesSql()),
		`### Exact duplicates

A row is an **exact duplicate** when it equals an earlier row in every column, time to the
second included. Duplicates inflate counts and revenue: \`duplicate_revenue\` = revenue −
revenue_dedup, the purchase rows counted twice.`,
		sqlCell('explorer_duplicates', explorerDuplicatesSql()),
		`### Shared sessions

A \`user_session\` normally belongs to one user. Sessions with \`n_users\` > 1 hold events of
several user_ids; the \`sessions\` table files each under the user of its first event.`,
		sqlCell('explorer_shared_sessions', explorerSharedSessionsSql()),
		`### Top categories and brands

The ${TOP} category codes and the ${TOP} brands with the most events. Each product is labelled by
its latest non-NULL \`category_code\` and \`brand\`; products never labelled are grouped as
\`(no category_code)\` and \`(no brand)\`. \`events_pct\` is the share of all events.`,
		sqlCell('explorer_top_categories', explorerTopCategoriesSql({ limit: TOP })),
		chartCell('explorer_top_categories_chart', {
			data: 'explorer_top_categories',
			marginLeft: 220,
			x: { label: 'events', grid: true, tickFormat: '~s' },
			y: { label: null },
			marks: [
				{ type: 'barX', x: 'events', y: 'category_code', fill: 'steelblue', sort: { y: '-x' }, tip: true },
				{ type: 'ruleX', x: 0 }
			]
		}),
		sqlCell('explorer_top_brands', explorerTopBrandsSql({ limit: TOP })),
		chartCell('explorer_top_brands_chart', {
			data: 'explorer_top_brands',
			marginLeft: 110,
			x: { label: 'events', grid: true, tickFormat: '~s' },
			y: { label: null },
			marks: [
				{ type: 'barX', x: 'events', y: 'brand', fill: 'steelblue', sort: { y: '-x' }, tip: true },
				{ type: 'ruleX', x: 0 }
			]
		})
	].join('\n\n');
}
