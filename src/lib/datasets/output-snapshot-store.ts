// Each dataset's output snapshot (runner/output-snapshot.ts) in IndexedDB, beside the file
// handles: read at start-up before the engine exists, so no DuckDB storage can hold it.
import { isOutputSnapshot, type OutputSnapshot } from '../runner/output-snapshot';
import { idbKeyValue } from './idb-key-value';

const snapshots = idbKeyValue('cin-output-snapshots', 'snapshots');

export async function loadOutputSnapshot(datasetId: string): Promise<OutputSnapshot | null> {
	const found = await snapshots.get(datasetId);
	return isOutputSnapshot(found) ? found : null;
}

export async function saveOutputSnapshot(datasetId: string, snapshot: OutputSnapshot): Promise<void> {
	await snapshots.put(datasetId, snapshot);
}

export async function deleteOutputSnapshot(datasetId: string): Promise<void> {
	await snapshots.delete(datasetId);
}
