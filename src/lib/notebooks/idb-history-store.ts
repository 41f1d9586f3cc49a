// The notebook history in IndexedDB: one object store of version records without their text
// (listing the history reads only these) and one of texts, both keyed by [notebookId, seq].
// A change (a version added or amended, old ones pruned) is one readwrite transaction over both,
// so a crash leaves either the old history or the new one.
import type { HistoryStore, VersionInfo, VersionKey } from './history-store';

const DATABASE = 'cin-notebook-history';
const INFO = 'versions';
const TEXT = 'texts';

/** Rejects when IndexedDB is missing or refuses (private mode, disabled site data). */
function openDatabase(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
		const request = indexedDB.open(DATABASE, 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore(INFO);
			request.result.createObjectStore(TEXT);
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
		request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
	});
}

const keyOf = (k: VersionKey): IDBValidKey => [k.notebookId, k.seq];

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('the history transaction failed'));
		tx.onabort = () => reject(tx.error ?? new Error('the history transaction was aborted'));
	});
}

function result<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

export function idbHistoryStore(): HistoryStore {
	let db: Promise<IDBDatabase> | null = null;
	const database = () => {
		// A failed open is tried again next time (another tab may have been upgrading).
		db ??= openDatabase().catch((error) => {
			db = null;
			throw error;
		});
		return db;
	};
	return {
		async all() {
			const tx = (await database()).transaction(INFO, 'readonly');
			return (await result(tx.objectStore(INFO).getAll())) as VersionInfo[];
		},
		async text(key) {
			const tx = (await database()).transaction(TEXT, 'readonly');
			const found: unknown = await result(tx.objectStore(TEXT).get(keyOf(key)));
			return typeof found === 'string' ? found : null;
		},
		async apply({ put, remove = [] }) {
			const tx = (await database()).transaction([INFO, TEXT], 'readwrite');
			const finished = done(tx);
			const info = tx.objectStore(INFO);
			const text = tx.objectStore(TEXT);
			for (const key of remove) {
				info.delete(keyOf(key));
				text.delete(keyOf(key));
			}
			if (put) {
				text.put(put.text, keyOf(put.info));
				info.put(put.info, keyOf(put.info));
			}
			await finished;
		}
	};
}
