// File handles of each dataset's sources, in IndexedDB (the only storage that keeps them), so
// an interrupted ingest can be restarted from the same files once permission is granted again.
const DB = 'cin-file-handles';
const STORE = 'handles';

function open(): Promise<IDBDatabase | null> {
	if (typeof indexedDB === 'undefined') return Promise.resolve(null);
	return new Promise((resolve) => {
		const request = indexedDB.open(DB, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => resolve(null);
	});
}

async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
	const db = await open();
	if (!db) return null;
	try {
		return await new Promise<T | null>((resolve) => {
			const request = body(db.transaction(STORE, mode).objectStore(STORE));
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => resolve(null);
		});
	} finally {
		db.close();
	}
}

export async function saveHandles(datasetId: string, handles: FileSystemFileHandle[]): Promise<void> {
	if (handles.length) await run('readwrite', (s) => s.put(handles, datasetId));
}

export async function loadHandles(datasetId: string): Promise<FileSystemFileHandle[]> {
	const found = await run<unknown>('readonly', (s) => s.get(datasetId));
	return Array.isArray(found) ? (found as FileSystemFileHandle[]) : [];
}

export async function deleteHandles(datasetId: string): Promise<void> {
	await run('readwrite', (s) => s.delete(datasetId));
}
