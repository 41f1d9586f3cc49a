// What the site ships of the bundled sample besides its CSV files: the sample's store as a first
// visit leaves it in OPFS, made ahead of time by the built site itself (scripts/sample-store/),
// and the output snapshot of the default notebook on it. A first visit copies the store into OPFS instead of
// ingesting the CSV, and shows the snapshot before the engine has started. The manifest says
// what to fetch and how large each file must come out.

/** Folder of the prebuilt sample, beside the site's index.html. */
export const PREBUILT_SAMPLE_DIR = 'sample-store';
export const PREBUILT_SAMPLE_MANIFEST = 'manifest.json';

export interface PrebuiltSampleFile {
	/** OPFS file name: the dataset's database, a companion of it, or the WAL of either. */
	name: string;
	/** The file in PREBUILT_SAMPLE_DIR: its gzip. */
	path: string;
	/** Its size once decompressed. */
	bytes: number;
}

export interface PrebuiltSampleManifest {
	version: 1;
	/** Hash of everything the store was built from (sample files, the app's source). */
	inputs: string;
	files: PrebuiltSampleFile[];
	/** The output snapshot (snapshot-json) in PREBUILT_SAMPLE_DIR. */
	snapshot: string;
}

const SAFE_PATH = /^[a-z0-9][a-z0-9._-]*$/;

/** Whether a fetched document is a manifest this version of the app can use. */
export function isPrebuiltSampleManifest(value: unknown): value is PrebuiltSampleManifest {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Partial<PrebuiltSampleManifest>;
	return (
		v.version === 1 &&
		typeof v.inputs === 'string' &&
		typeof v.snapshot === 'string' &&
		SAFE_PATH.test(v.snapshot) &&
		Array.isArray(v.files) &&
		v.files.length > 0 &&
		v.files.every(
			(f: Partial<PrebuiltSampleFile>) =>
				typeof f?.name === 'string' && SAFE_PATH.test(f.name) && typeof f.path === 'string' && SAFE_PATH.test(f.path) && Number.isSafeInteger(f.bytes) && f.bytes! >= 0
		)
	);
}
