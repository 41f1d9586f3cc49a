/**
 * Events per event type and price: what the price histogram and the price checks read, so
 * re-binning never rescans events. Reads events once (no fact table keeps every event's
 * price), grouped by (event_type, price): state and result are one row per distinct pair,
 * tens of thousands, not one per event.
 */
export function explorerPriceCountsSql(): string {
	return `SELECT event_type, price, count(*) AS events
FROM events
GROUP BY ALL
ORDER BY event_type, price`;
}
