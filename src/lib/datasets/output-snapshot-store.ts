// Output snapshots (what a notebook last showed on a dataset) in IndexedDB, beside the file
// handles: read at start-up before the engine exists, so no DuckDB storage can hold them. One per
// notebook and dataset, keyed [datasetId, notebookId]; before the notebook library a dataset had
// one, keyed by its id alone, which the notebook migrated from that autosave still reads. Stored
// as given and handed back as found: the notebook runtime checks its shape.
import { idbKeyValue } from './idb-key-value';

const snapshots = idbKeyValue('cin-output-snapshots', 'snapshots');

export async function loadOutputSnapshot(datasetId: string, notebookId: string, options: { legacy?: boolean } = {}): Promise<unknown> {
	const saved = await snapshots.get([datasetId, notebookId]);
	if (saved != null || !options.legacy) return saved ?? null;
	return (await snapshots.get(datasetId)) ?? null;
}

export async function saveOutputSnapshot(datasetId: string, notebookId: string, snapshot: object): Promise<void> {
	await snapshots.put([datasetId, notebookId], snapshot);
}

/** A dataset is deleted: every notebook's snapshot of it goes. */
export async function deleteOutputSnapshot(datasetId: string): Promise<void> {
	const keys = (await snapshots.keys()).filter((k) => k === datasetId || (Array.isArray(k) && k[0] === datasetId));
	for (const key of keys) await snapshots.delete(key);
}

/** A notebook is deleted: its snapshot of every dataset goes. */
export async function deleteNotebookSnapshots(notebookId: string): Promise<void> {
	const keys = (await snapshots.keys()).filter((k) => Array.isArray(k) && k[1] === notebookId);
	for (const key of keys) await snapshots.delete(key);
}
