// Files in the origin-private file system (OPFS), browser-only.

/** The OPFS root entry name of an `opfs://` path. */
export function opfsName(path: string): string {
	return path.replace(/^opfs:\/\//, '');
}

/** Whether this browser has an origin-private file system for the page to use. */
export function canUseOpfs(): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

/** Removes OPFS root entries by name; a missing one is fine. The DuckDB worker lets go of an
 *  access handle a moment after it is closed, so a busy file is retried for about 2 s. */
export async function removeOpfsFiles(names: readonly string[]): Promise<void> {
	if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return;
	const dir = await navigator.storage.getDirectory();
	for (const name of names) {
		for (let attempt = 0; ; attempt++) {
			try {
				await dir.removeEntry(name);
				break;
			} catch (error) {
				if (error instanceof DOMException && error.name === 'NotFoundError') break;
				if (attempt >= 20) throw error;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		}
	}
}

/** Names of the OPFS root entries that start with `prefix`. */
export async function opfsFilesStartingWith(prefix: string): Promise<string[]> {
	if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return [];
	const dir = await navigator.storage.getDirectory();
	const names: string[] = [];
	// keys() is in every browser with OPFS, but not yet in TypeScript's DOM types.
	for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
		if (name.startsWith(prefix)) names.push(name);
	}
	return names;
}
