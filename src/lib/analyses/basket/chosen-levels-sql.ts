import { quoteString } from '../../data/sql';
import { BASKET_ITEM_LEVELS, BASKET_LEVELS } from '../../store/basket-sets';

const oneOf = (value: string, allowed: readonly string[], what: string) =>
	`CASE WHEN ${value} IN (${allowed.map(quoteString).join(', ')}) THEN ${value}
		ELSE error('invalid ${what} ' || ${value} || ': use ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}') END`;

/**
 * A one-row CTE `chosen (level, item_level)` holding the basket inputs, or an error naming the
 * allowed values: a filter on an unknown level would otherwise just find nothing.
 */
export function chosenLevelsCte(p: { level: string; itemLevel: string }): string {
	return `chosen AS (SELECT
	${oneOf(p.level, Object.keys(BASKET_LEVELS), 'basket level')} AS level,
	${oneOf(p.itemLevel, Object.keys(BASKET_ITEM_LEVELS), 'item level')} AS item_level
)`;
}
