// A dataset is one persistent OPFS database holding the optimised store of one event log
// (the bundled sample, the user's files, or generated demo data) and the notebook's cell tables.

/** The bundled sample's dataset id (its database is `cin-sample.duckdb`). */
export const SAMPLE_ID = 'sample';

export type DatasetSource = 'sample' | 'files' | 'generated';

export interface DatasetFile {
	name: string;
	size: number;
	lastModified: number;
}

export interface DatasetInfo {
	id: string;
	name: string;
	source: DatasetSource;
	files: DatasetFile[];
	/** `ingesting` until the store is complete: one still `ingesting` at start-up was interrupted.
	 *  `missing`: its files are no longer in OPFS (the browser evicted them, or site data was cleared). */
	state: 'ingesting' | 'ready' | 'missing';
	rows: number | null;
	/** Bytes of the database file(s) in OPFS, as last measured. */
	storedBytes: number | null;
	sourceBytes: number;
	/** ISO timestamps of the first and last event. */
	firstEvent: string | null;
	lastEvent: string | null;
	createdAt: number;
	lastOpened: number;
}

/** Ids become OPFS file names: keep them to a safe alphabet. */
export function isValidDatasetId(id: string): boolean {
	return /^[a-z0-9][a-z0-9-]{0,63}$/.test(id);
}

export function newDatasetId(prefix: 'files' | 'demo', now = Date.now()): string {
	const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
	return `${prefix}-${now.toString(36)}-${random}`;
}

/** OPFS file name of a dataset's database. */
export function databaseFileName(id: string): string {
	if (!isValidDatasetId(id)) throw new Error(`invalid dataset id: ${JSON.stringify(id)}`);
	return `cin-${id}.duckdb`;
}

export function databasePath(id: string): string {
	return `opfs://${databaseFileName(id)}`;
}
