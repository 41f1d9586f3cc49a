// OPFS files of datasets and the browser's storage budget. Browser-only.
import { databaseFileName } from './dataset-info';

export interface StorageSummary {
	usage: number | null;
	quota: number | null;
	/** Whether the browser promised not to evict this site's storage. */
	persisted: boolean | null;
}

async function root(): Promise<FileSystemDirectoryHandle | null> {
	if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null;
	return navigator.storage.getDirectory();
}

/** The database and its WAL: everything DuckDB writes for one dataset. */
function filesOf(id: string): string[] {
	const db = databaseFileName(id);
	return [db, `${db}.wal`];
}

/** Removes a dataset's files. The database must be closed (its access handles released). */
export async function deleteDatasetFiles(id: string): Promise<void> {
	const dir = await root();
	if (!dir) return;
	for (const name of filesOf(id)) {
		// A terminated engine's worker lets go of its access handles a moment later.
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

export async function storageSummary(): Promise<StorageSummary> {
	if (typeof navigator === 'undefined' || !navigator.storage) return { usage: null, quota: null, persisted: null };
	const [estimate, persisted] = await Promise.all([
		navigator.storage.estimate?.().catch(() => null) ?? null,
		navigator.storage.persisted?.().catch(() => null) ?? null
	]);
	return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks the browser to keep OPFS data under storage pressure; returns whether it agreed. */
export async function requestPersistence(): Promise<boolean | null> {
	if (typeof navigator === 'undefined' || typeof navigator.storage?.persist !== 'function') return null;
	try {
		return (await navigator.storage.persisted()) || (await navigator.storage.persist());
	} catch {
		return null;
	}
}
