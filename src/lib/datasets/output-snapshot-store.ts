// Each dataset's output snapshot (what the notebook last showed) in IndexedDB, beside the file
// handles: read at start-up before the engine exists, so no DuckDB storage can hold it. Stored
// as given and handed back as found: the notebook runtime checks its shape.
import { idbKeyValue } from './idb-key-value';

const snapshots = idbKeyValue('cin-output-snapshots', 'snapshots');

export async function loadOutputSnapshot(datasetId: string): Promise<unknown> {
	return (await snapshots.get(datasetId)) ?? null;
}

export async function saveOutputSnapshot(datasetId: string, snapshot: object): Promise<void> {
	await snapshots.put(datasetId, snapshot);
}

export async function deleteOutputSnapshot(datasetId: string): Promise<void> {
	await snapshots.delete(datasetId);
}
