// Which of a stored dataset's files are in OPFS. A browser may evict a site's storage when the
// disk runs low (unless it granted persistence), and clearing site data removes it: the list
// of datasets (localStorage) can then name a dataset whose files are gone. Opening it would
// create an empty database in their place, so its files are looked for first.
import { companionPath } from '../data/companion-databases';
import { opfsName } from '../data/opfs-files';
import { databaseFileName, databasePath } from './dataset-info';

/** The OPFS root entries of a dataset all start with this (its database, companions, WALs). */
export function datasetFilePrefix(id: string): string {
	return databaseFileName(id).replace(/\.duckdb$/, '.');
}

/**
 * The files dataset `id` needs that `present` (OPFS root entry names) lacks: its database, and
 * the database file of each event partition it lists (known once the database is open).
 */
export function missingDatasetFiles(id: string, present: Iterable<string>, partitions: readonly string[] = []): string[] {
	const have = new Set(present);
	const needed = [databaseFileName(id), ...partitions.map((p) => opfsName(companionPath(databasePath(id), p)))];
	return needed.filter((name) => !have.has(name));
}
