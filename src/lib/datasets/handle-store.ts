// File handles of each dataset's sources, in IndexedDB (the only storage that keeps them), so
// an interrupted ingest can be restarted from the same files once permission is granted again.
import { idbKeyValue } from './idb-key-value';

const handles = idbKeyValue('cin-file-handles', 'handles');

export async function saveHandles(datasetId: string, list: FileSystemFileHandle[]): Promise<void> {
	if (list.length) await handles.put(datasetId, list);
}

export async function loadHandles(datasetId: string): Promise<FileSystemFileHandle[]> {
	const found = await handles.get(datasetId);
	return Array.isArray(found) ? (found as FileSystemFileHandle[]) : [];
}

export async function deleteHandles(datasetId: string): Promise<void> {
	await handles.delete(datasetId);
}
