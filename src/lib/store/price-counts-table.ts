import { qualified } from '../data/sql';
import { column, factTableSteps, type FactContext } from './fact-table';
import type { StoreStep } from './store-step';
import { EVENT_KIND_TYPE, storeTable } from './store-tables';

// Events per (event_type, price): the price histogram, the price checks and the price and
// event-type columns of the explorer read it instead of scanning every event (109.9M rows:
// 3.8 s in the browser for each run of the notebook). One pass over events: its state is a
// row per distinct pair, tens of thousands, however many events there are. NULL prices and
// exact duplicate rows are counted.
function priceCountsColumns(schema: string) {
	return [
		column('event_type', qualified(schema, EVENT_KIND_TYPE), 'event_type'),
		column('price', 'DECIMAL(9,2)', 'price'),
		column('events', 'BIGINT', 'count(*)')
	];
}

export const PRICE_COUNT_COLUMNS = priceCountsColumns('main');

export function priceCountsSteps({ schema }: Pick<FactContext, 'schema'>): StoreStep[] {
	return factTableSteps({
		schema,
		table: 'price_counts',
		columns: priceCountsColumns(schema),
		passes: 1,
		body: () => `FROM ${storeTable(schema, 'events')}\nGROUP BY ALL\nORDER BY event_type, price`
	});
}
