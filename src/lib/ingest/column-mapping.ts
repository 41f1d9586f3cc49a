// Files whose headers name the event columns otherwise (`timestamp` for event_time…): the
// user confirms a mapping; likely matches are pre-selected, never applied unasked.
import type { EVENT_COLUMNS } from '../store/event-columns';

export type EventColumn = (typeof EVENT_COLUMNS)[number][0];

/** Which file column feeds each event column (only where the names differ). */
export type ColumnMapping = Partial<Record<EventColumn, string>>;

export interface MappingOffer {
	missing: EventColumn[];
	/** File columns not matched by name, to choose from. */
	candidates: string[];
	/** Likely matches: pre-selected in the dialog. */
	suggested: ColumnMapping;
}

const SYNONYMS: Record<EventColumn, readonly string[]> = {
	event_time: ['timestamp', 'time', 'event_timestamp', 'datetime', 'ts', 'date'],
	event_type: ['type', 'event', 'action', 'event_name'],
	product_id: ['product', 'item_id', 'sku', 'productid'],
	category_id: ['category', 'categoryid', 'cat_id'],
	category_code: ['category_name', 'category_path', 'categorycode'],
	brand: ['brand_name', 'manufacturer'],
	price: ['amount', 'unit_price', 'value'],
	user_id: ['user', 'customer_id', 'visitor_id', 'userid', 'customer'],
	user_session: ['session', 'session_id', 'sessionid', 'user_session_id']
};

/** The offer for `missing` event columns among the file's `unused` columns. */
export function mappingOffer(missing: EventColumn[], unused: string[]): MappingOffer {
	const suggested: ColumnMapping = {};
	for (const name of missing) {
		const match = unused.find((c) => SYNONYMS[name].includes(c.toLowerCase()) && !Object.values(suggested).includes(c));
		if (match) suggested[name] = match;
	}
	return { missing, candidates: unused, suggested };
}
