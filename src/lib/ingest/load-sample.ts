// First start with no data of the user's: load the bundled sample into table `main.events`.
import type { DuckDBClient } from '../data/duckdb-client';
import { readEventsCsv } from './event-schema';
import octoberUrl from '../../../sample-data/2019-Oct.csv.gz?url';
import novemberUrl from '../../../sample-data/2019-Nov.csv.gz?url';

const SAMPLE_FILES = [
	['sample-2019-Oct.csv.gz', octoberUrl],
	['sample-2019-Nov.csv.gz', novemberUrl]
] as const;

/** Changes whenever the bundled sample does (the asset names carry content hashes). */
export const SAMPLE_EPOCH = `sample:${SAMPLE_FILES.map(([, url]) => url.split('/').pop()).join(',')}`;

/** Loads the sample unless `main.events` already exists; returns whether it loaded. */
export async function ensureSampleLoaded(client: DuckDBClient, signal?: AbortSignal): Promise<boolean> {
	const existing = await client.query(
		`SELECT 1 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'events'`,
		{ signal }
	);
	if (existing.rows.length > 0) return false;
	// The sample is small (a few MB), so buffers are fine here; user files are never copied.
	for (const [name, url] of SAMPLE_FILES) {
		const response = await fetch(url, { signal });
		if (!response.ok) throw new Error(`could not load the bundled sample ${name} (${response.status} ${response.statusText})`);
		await client.registerFileBuffer(name, new Uint8Array(await response.arrayBuffer()));
	}
	try {
		const files = SAMPLE_FILES.map(([name]) => name);
		await client.exec(`CREATE TABLE main.events AS SELECT * FROM ${readEventsCsv(files)} ORDER BY event_time`, { signal });
		await client.exec(`CHECKPOINT`);
	} finally {
		for (const [name] of SAMPLE_FILES) await client.dropFile(name);
	}
	return true;
}

