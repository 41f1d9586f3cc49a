// Where the notebook library keeps its list and each notebook's current text: a small
// synchronous key-value store. In the browser it is localStorage: read in the page's first frame
// (the open notebook is on screen before anything asynchronous runs) and written synchronously,
// so a tab closed right after an edit has already handed the text to the browser. Tests use the
// in-memory one.

export interface LibraryStore {
	get(key: string): string | null;
	/** Throws when the browser refuses the write (quota exceeded, storage disabled). */
	set(key: string, value: string): void;
	remove(key: string): void;
	/** Every key the store holds (the library sweeps its own leftovers by prefix). */
	keys(): string[];
}

export function memoryLibraryStore(initial: Record<string, string> = {}): LibraryStore & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return {
		data,
		get: (key) => data.get(key) ?? null,
		set: (key, value) => void data.set(key, value),
		remove: (key) => void data.delete(key),
		keys: () => [...data.keys()]
	};
}

/** localStorage; null where the browser has none or forbids it (then nothing can be kept). */
export function browserLibraryStore(): LibraryStore | null {
	let storage: Storage;
	try {
		storage = globalThis.localStorage;
		if (!storage) return null;
	} catch {
		return null; // a sandboxed frame or disabled site data throws on access
	}
	return {
		get: (key) => storage.getItem(key),
		set: (key, value) => storage.setItem(key, value),
		remove: (key) => storage.removeItem(key),
		keys: () => {
			const keys: string[] = [];
			for (let i = 0; i < storage.length; i++) {
				const key = storage.key(i);
				if (key !== null) keys.push(key);
			}
			return keys;
		}
	};
}
