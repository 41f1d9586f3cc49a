import { chartCell, sqlCell } from '../cell-fence';
import {
	optimisationColumnsSql,
	optimisationFilesSql,
	optimisationStepsSql,
	optimisationSummarySql,
	optimisationTablesSql
} from './optimisation-sql';

/** Section 1 of the Customer Intelligence notebook. */
export function optimisationSection(): string {
	return [
		`## 1. Data optimisation

Opening event-log files builds an optimised store in this browser (OPFS): the raw rows become a
compact \`events\` table, and fact tables (\`sessions\`, \`users\`, \`daily\`, \`hourly\`,
\`products\`, \`price_counts\`, \`column_stats\`, \`basket_items\`, \`purchase_pairs\`, \`basket_stats\`, \`item_pairs\`,
\`item_triples\`, \`user_weeks\`, \`user_days\`) are built from it in bounded passes. Every later section reads the fact tables, so re-runs stay interactive on 100M+ rows.
The figures below are measured on the open dataset, not quoted.`,
		sqlCell('optimisation_summary', optimisationSummarySql()),
		`### Files read

\`rejected_lines\` could not be parsed (wrong number of fields, unreadable values) and were
skipped; \`invalid_rows\` parsed but cannot be stored (unknown event type, missing time, ids
beyond INTEGER, prices that are not whole cents): they are kept in \`events_rejected\`.`,
		sqlCell('optimisation_files', optimisationFilesSql()),
		`### Stored bytes per table

Bytes are DuckDB's own storage figures after the last checkpoint (compressed column segments).`,
		sqlCell('optimisation_tables', optimisationTablesSql()),
		chartCell('optimisation_tables_chart', {
			data: 'optimisation_tables',
			height: 240,
			marginLeft: 110,
			x: { label: 'stored bytes', grid: true, tickFormat: '~s' },
			y: { label: null },
			marks: [{ type: 'barX', x: 'stored_bytes', y: 'table_name', sort: { y: '-x' }, fill: 'steelblue', tip: true }]
		}),
		`### Types chosen for \`events\`, and why

| column | type | why |
|---|---|---|
| event_time | TIMESTAMP | sorted by time, so zone maps skip whole row groups in date filters |
| event_type | ENUM (4 values) | one byte instead of a string |
| product_id, user_id | INTEGER | the real maxima (≈1e8 and ≈6e8) fit 32 bits: half of BIGINT |
| category_id | BIGINT | 19-digit ids: never a JS number, never a guess |
| category_code, brand | VARCHAR | few distinct values: DuckDB stores them dictionary-compressed |
| price | DECIMAL(9,2) | exact cents: revenue sums exactly, unlike DOUBLE or FLOAT |
| session_id | INTEGER | dense id in order of first event; the 36-character session strings live once, in \`session_dict\` |`,
		sqlCell('optimisation_columns', optimisationColumnsSql()),
		`### Time per step`,
		sqlCell('optimisation_steps', optimisationStepsSql())
	].join('\n\n');
}
