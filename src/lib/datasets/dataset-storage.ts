// OPFS files of datasets and the browser's storage budget. Browser-only.
import { opfsFilesStartingWith, removeOpfsFiles } from '../data/opfs-files';
import { datasetFilePrefix } from './dataset-files';
import { databaseFileName } from './dataset-info';

export interface StorageSummary {
	usage: number | null;
	quota: number | null;
	/** Whether the browser promised not to evict this site's storage. */
	persisted: boolean | null;
}

/** Removes a dataset's files: its database, the companions beside it, and their WALs. The
 *  database must be closed (its access handles released). */
export async function deleteDatasetFiles(id: string): Promise<void> {
	const db = databaseFileName(id);
	const companions = await opfsFilesStartingWith(datasetFilePrefix(id));
	await removeOpfsFiles([db, `${db}.wal`, ...companions]);
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
