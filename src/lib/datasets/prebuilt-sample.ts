// The prebuilt sample on a first visit: its files are fetched from the site, gunzipped as they
// stream in, and written into OPFS under the names the sample dataset's database has, so
// the engine opens a finished store (with the default notebook's tables) instead of ingesting
// the CSV. Browser-only. Any failure leaves no file behind: the caller ingests the CSV instead.
import { opfsName, removeOpfsFiles } from '../data/opfs-files';
import { databaseFileName, SAMPLE_ID } from './dataset-info';
import {
	isPrebuiltSampleManifest,
	PREBUILT_SAMPLE_DIR,
	PREBUILT_SAMPLE_MANIFEST,
	type PrebuiltSampleManifest
} from './prebuilt-sample-manifest';

/** The prebuilt sample's folder, beside the page (the site may be served from a sub-path). */
export function prebuiltSampleUrl(pageUrl: string): URL {
	return new URL(`${PREBUILT_SAMPLE_DIR}/`, pageUrl);
}

const manifests = new Map<string, Promise<PrebuiltSampleManifest | null>>();

/** The manifest, fetched once per page; null when the site ships none (a dev server, an old
 *  build) or it is not one this app reads. */
export function prebuiltSampleManifest(base: URL): Promise<PrebuiltSampleManifest | null> {
	const key = base.href;
	let found = manifests.get(key);
	if (!found) {
		found = fetch(new URL(PREBUILT_SAMPLE_MANIFEST, base), { cache: 'no-cache' })
			.then(async (response) => {
				if (!response.ok) return null;
				const manifest: unknown = await response.json();
				return isPrebuiltSampleManifest(manifest) ? manifest : null;
			})
			.catch(() => null);
		manifests.set(key, found);
	}
	return found;
}

/** The default notebook's output snapshot on the prebuilt store, as JSON text; null if none. */
export async function prebuiltSampleSnapshotText(base: URL): Promise<string | null> {
	const manifest = await prebuiltSampleManifest(base);
	if (!manifest) return null;
	const response = await fetch(new URL(manifest.snapshot, base)).catch(() => null);
	return response?.ok ? response.text() : null;
}

/** Whether the browser can write OPFS files from the page (it can in Chrome, Edge, Firefox). */
export function canInstallPrebuiltSample(): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function' && typeof DecompressionStream === 'function';
}

/** A manifest only names the sample's database, its companions and their WALs: nothing else is written. */
function isSampleFile(name: string): boolean {
	const database = databaseFileName(SAMPLE_ID);
	return name.startsWith(database.replace(/\.duckdb$/, '.')) && /\.duckdb(\.wal)?$/.test(name);
}

/**
 * Writes the prebuilt sample's database files into OPFS. `onProgress` gets the share of bytes
 * written. Throws (with every written file removed) if a file is missing, damaged or short.
 */
export async function installPrebuiltSample(
	base: URL,
	manifest: PrebuiltSampleManifest,
	onProgress: (fraction: number) => void = () => {}
): Promise<void> {
	const bad = manifest.files.find((f) => !isSampleFile(f.name));
	if (bad) throw new Error(`the prebuilt sample names a file that is not the sample's database: ${bad.name}`);
	const dir = await navigator.storage.getDirectory();
	const total = manifest.files.reduce((n, f) => n + f.bytes, 0);
	let written = 0;
	try {
		// One file at a time, each written whole. Streamed into OPFS chunk by chunk, the sample's
		// 45 MB took 3.0 s against 1.6 s fetched, decompressed and written whole (the files are
		// small enough to hold). Fetched all at once, they took the browser's six connections to
		// the site and held back the snapshot the page shows meanwhile (first results 2.5 s after
		// the page opened instead of 1.7, medians of 5); the copy overlaps the engine's start anyway.
		for (const file of manifest.files) {
			const response = await fetch(new URL(file.path, base));
			if (!response.ok || !response.body) throw new Error(`could not load ${file.path} of the prebuilt sample (${response.status} ${response.statusText})`);
			const bytes = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
			if (bytes.byteLength !== file.bytes) throw new Error(`${file.path} of the prebuilt sample came out at ${bytes.byteLength} bytes, not ${file.bytes}`);
			const writable = await (await dir.getFileHandle(file.name, { create: true })).createWritable();
			try {
				await writable.write(bytes);
			} finally {
				await writable.close();
			}
			written += file.bytes;
			onProgress(total ? written / total : 1);
		}
	} catch (error) {
		await removeOpfsFiles(manifest.files.map((f) => opfsName(f.name))).catch(() => {});
		throw error;
	}
}
