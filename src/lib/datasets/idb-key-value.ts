// One IndexedDB object store used as a key-value map. Storage failures (private mode, quota,
// a blocked upgrade) resolve to null: everything kept here can be rebuilt or asked for again.
export interface IdbKeyValue {
	get(key: IDBValidKey): Promise<unknown>;
	put(key: IDBValidKey, value: unknown): Promise<void>;
	delete(key: IDBValidKey): Promise<void>;
	/** Every key (none when IndexedDB is unavailable). */
	keys(): Promise<IDBValidKey[]>;
}

export function idbKeyValue(database: string, store: string): IdbKeyValue {
	const open = (): Promise<IDBDatabase | null> => {
		if (typeof indexedDB === 'undefined') return Promise.resolve(null);
		return new Promise((resolve) => {
			const request = indexedDB.open(database, 1);
			request.onupgradeneeded = () => request.result.createObjectStore(store);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => resolve(null);
			request.onblocked = () => resolve(null);
		});
	};
	const run = async <T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | null> => {
		const db = await open();
		if (!db) return null;
		try {
			return await new Promise<T | null>((resolve) => {
				let request: IDBRequest<T>;
				try {
					request = body(db.transaction(store, mode).objectStore(store));
				} catch {
					// e.g. DataCloneError: a value structured clone cannot copy.
					resolve(null);
					return;
				}
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => resolve(null);
			});
		} finally {
			db.close();
		}
	};
	return {
		get: async (key) => (await run('readonly', (s) => s.get(key))) ?? null,
		put: async (key, value) => void (await run('readwrite', (s) => s.put(value, key))),
		delete: async (key) => void (await run('readwrite', (s) => s.delete(key))),
		keys: async () => (await run('readonly', (s) => s.getAllKeys())) ?? []
	};
}
