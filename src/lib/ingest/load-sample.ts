// First start with no data of the user's: load the bundled sample into table `main.events`.
import type { DuckDBClient } from '../data/duckdb-client';
import { readEventsCsv } from './event-schema';
import sampleUrl from '../../../.tmp/sample.csv.gz?url';

export const SAMPLE_EPOCH = `sample:${sampleUrl.split('/').pop()}`;

/** Loads the sample unless `main.events` already exists; returns whether it loaded. */
export async function ensureSampleLoaded(client: DuckDBClient, signal?: AbortSignal): Promise<boolean> {
	const existing = await client.query(
		`SELECT 1 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'events'`,
		{ signal }
	);
	if (existing.rows.length > 0) return false;
	const response = await fetch(sampleUrl, { signal });
	if (!response.ok) throw new Error(`could not load the bundled sample (${response.status} ${response.statusText})`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	const name = 'sample-events.csv.gz';
	// The sample is small (a few MB), so a buffer is fine here; user files are never copied.
	await client.registerFileBuffer(name, bytes);
	try {
		await client.exec(
			`CREATE TABLE main.events AS SELECT * FROM ${readEventsCsv(name)} ORDER BY event_time`,
			{ signal }
		);
		await client.exec(`CHECKPOINT`);
	} finally {
		await client.dropFile(name);
	}
	return true;
}

