import { chartCell, sqlCell } from '../cell-fence';
import { MONTH_KPIS, overviewMonthChangeSql } from './overview-month-change-sql';
import { overviewDailySql } from './overview-daily-sql';
import { overviewKpisSql } from './overview-kpis-sql';
import { overviewMonthsSql } from './overview-months-sql';

/** Section 2 of the Customer Intelligence notebook. */
export function overviewSection(): string {
	return [
		`## 2. Executive overview

The headline numbers for the whole period, then per day and per month. Definitions:

- **Revenue**: the sum of \`price\` over purchase events. *Raw* (\`revenue\`) counts every row;
  *de-duplicated* (\`revenue_dedup\`) leaves out rows that repeat an earlier row exactly (same
  time to the second, type, product, category, brand, price, user and session). Section 3 counts
  those duplicate rows.
- **Users**: distinct \`user_id\`. **Sessions**: distinct \`user_session\`.
- **Buyers**: users with at least one purchase. **Orders**: sessions with at least one purchase.
- **User conversion** = buyers / users. **Session conversion** = orders / sessions (both in %).
- **AOV** (average order value) = revenue / orders; \`aov_dedup\` uses the de-duplicated revenue.

Every number reads the fact tables (\`daily\`, \`users\`, \`sessions\`, \`basket_items\`), not the
raw events, so re-running stays instant on a hundred million rows.`,
		sqlCell('overview_kpis', overviewKpisSql()),
		`### Revenue and active users per day

Days are UTC calendar days. **DAU** (daily active users) counts the distinct users with any event
that day; a session that runs past midnight counts on both days.`,
		sqlCell('overview_daily', overviewDailySql()),
		chartCell('overview_revenue_chart', {
			data: 'overview_daily',
			title: 'Revenue per day: raw (blue) and de-duplicated (orange)',
			height: 240,
			x: { label: null },
			y: { label: 'revenue', grid: true, tickFormat: '$~s' },
			marks: [
				{ type: 'areaY', x: 'day', y: 'revenue', fill: 'steelblue', fillOpacity: 0.15 },
				{ type: 'lineY', x: 'day', y: 'revenue', stroke: 'steelblue', tip: true },
				{ type: 'lineY', x: 'day', y: 'revenue_dedup', stroke: 'darkorange', strokeWidth: 1 }
			]
		}),
		chartCell('overview_dau_chart', {
			data: 'overview_daily',
			title: 'Daily active users',
			height: 200,
			x: { label: null },
			y: { label: 'active users', grid: true, tickFormat: '~s', zero: true },
			marks: [{ type: 'lineY', x: 'day', y: 'dau', stroke: 'steelblue', tip: true }]
		}),
		`### Month over month

One row per calendar month (UTC) found in the data; the same definitions as above, with each
count assigned to a month as follows: **users** had any event in the month, **sessions** start
in it, **buyers** and **orders** bought in it, and **revenue** counts on the day of the
purchase. A user active in two months counts in both, so the months do not add up to the totals.`,
		sqlCell('overview_months', overviewMonthsSql()),
		`Each month against the one before: both values and the relative change
(\`change_pct\` = value / previous − 1, in %). Rates are compared as rates: conversion going from
2.0% to 2.5% is a change of +25%.`,
		sqlCell('overview_month_change', overviewMonthChangeSql()),
		chartCell('overview_month_change_chart', {
			data: 'overview_month_change',
			title: 'Change against the previous month',
			marginLeft: 140,
			x: { label: 'change vs previous month (%)', grid: true, tickFormat: '+~f' },
			y: { label: null, domain: MONTH_KPIS.map(([label]) => label) },
			fy: { label: null },
			marks: [
				{ type: 'barX', x: 'change_pct', y: 'kpi', fy: 'month', fill: 'steelblue', tip: true },
				{ type: 'ruleX', x: 0 }
			]
		})
	].join('\n\n');
}
