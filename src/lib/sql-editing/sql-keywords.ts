// The keywords completion offers, as a query writer types them (`GROUP BY` as one). Each word is
// a DuckDB keyword (checked against duckdb_keywords() in the tests).

/** Keywords that start a statement. */
export const STATEMENT_KEYWORDS: readonly string[] = ['SELECT', 'WITH', 'FROM', 'VALUES', 'DESCRIBE', 'SUMMARIZE', 'PIVOT', 'UNPIVOT'];

/** Keywords that follow a table in FROM: the next clause or a join. */
export const CLAUSE_KEYWORDS: readonly string[] = [
	'WHERE', 'GROUP BY', 'GROUP BY ALL', 'HAVING', 'QUALIFY', 'WINDOW', 'ORDER BY', 'ORDER BY ALL', 'LIMIT', 'OFFSET',
	'JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'INNER JOIN', 'FULL JOIN', 'CROSS JOIN', 'ASOF JOIN', 'SEMI JOIN', 'ANTI JOIN',
	'POSITIONAL JOIN', 'ON', 'USING', 'AS', 'UNION', 'UNION ALL', 'UNION BY NAME', 'EXCEPT', 'INTERSECT', 'USING SAMPLE'
];

/** Keywords inside expressions. */
export const EXPRESSION_KEYWORDS: readonly string[] = [
	'AND', 'OR', 'NOT', 'IN', 'IS', 'IS NOT', 'NULL', 'LIKE', 'ILIKE', 'BETWEEN', 'EXISTS', 'CASE', 'WHEN', 'THEN', 'ELSE',
	'END', 'CAST', 'TRY_CAST', 'DISTINCT', 'OVER', 'PARTITION BY', 'FILTER', 'ASC', 'DESC', 'NULLS FIRST', 'NULLS LAST',
	'TRUE', 'FALSE', 'INTERVAL', 'EXCLUDE', 'REPLACE', 'COLUMNS', 'ROWS BETWEEN', 'RANGE BETWEEN', 'UNBOUNDED PRECEDING',
	'CURRENT ROW', 'UNBOUNDED FOLLOWING', 'LATERAL', 'RECURSIVE', 'ALL', 'ANY'
];
