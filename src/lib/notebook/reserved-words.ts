/** DuckDB 1.4 reserved keywords: `SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'`. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
	(
		'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint ' +
		'create default deferrable desc describe distinct do else end except false fetch for foreign from ' +
		'group having in initially intersect into lambda lateral leading limit not null offset on only or ' +
		'order pivot pivot_longer pivot_wider placing primary qualify references returning select show some ' +
		'summarize symmetric table then to trailing true union unique unpivot using variadic when where window with'
	).split(' ')
);

export function isReservedWord(name: string): boolean {
	return RESERVED_WORDS.has(name.toLowerCase());
}
