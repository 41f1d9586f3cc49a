// The bundled sample (two gzip CSV months, a few MB) as ingest sources: the sample dataset
// goes through exactly the pipeline a user's files do.
import type { DuckDBClient } from '../data/duckdb-client';
import { checkCsvHead } from './csv-head';
import { bundledCsvSource } from './ingest-sources';
import type { IngestSource } from './ingest-events';
import { readHead } from './read-head';
import { SAMPLE_FILES } from './sample-files';
import octoberUrl from '../../../sample-data/2019-Oct.csv.gz?url';
import novemberUrl from '../../../sample-data/2019-Nov.csv.gz?url';

const URLS: Record<(typeof SAMPLE_FILES)[number]['file'], string> = { '2019-Oct.csv.gz': octoberUrl, '2019-Nov.csv.gz': novemberUrl };

export async function sampleSources(client: DuckDBClient): Promise<IngestSource[]> {
	const sources: IngestSource[] = [];
	for (const { file, name } of SAMPLE_FILES) {
		const url = URLS[file];
		const response = await fetch(url);
		if (!response.ok) throw new Error(`could not load the bundled sample ${name} (${response.status} ${response.statusText})`);
		const bytes = new Uint8Array(await response.arrayBuffer());
		const head = await readHead(new Blob([bytes]), name);
		const check = checkCsvHead(name, head.text, {}, head.encoding);
		if (!check.ok) throw new Error(check.error);
		sources.push(bundledCsvSource(client, name, bytes, check.layout));
	}
	return sources;
}
