// The columns of a raw event batch: what the store's append reads, so what every ingest source
// (CSV, Parquet, generated) must deliver. They are the event log schema of the "eCommerce
// behavior data from multi category store" files. Types are explicit: 19-digit category ids
// must never pass through a JS number or a guess.

export const EVENT_COLUMNS = [
	['event_time', 'TIMESTAMP'],
	['event_type', 'VARCHAR'],
	['product_id', 'BIGINT'],
	['category_id', 'BIGINT'],
	['category_code', 'VARCHAR'],
	['brand', 'VARCHAR'],
	['price', 'DOUBLE'],
	['user_id', 'BIGINT'],
	['user_session', 'VARCHAR']
] as const;
