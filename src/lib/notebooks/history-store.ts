// Where earlier versions of each notebook are kept: larger than the library's list and current
// texts (twenty versions of a 100 KB notebook are 2 MB), so in the browser it is IndexedDB
// (idb-history-store.ts). What a version is and when one is made is decided in
// version-history.ts; a store only keeps records and applies a change all at once.

export interface VersionInfo {
	notebookId: string;
	/** Increasing per notebook: the newest version has the highest. */
	seq: number;
	/** When the version's first change was saved. */
	created: number;
	/** When its last change was saved. */
	time: number;
	/** Saves folded into it (rapid edits make one version). */
	edits: number;
	/** Characters of its text. */
	size: number;
	/** What changed since the version before it, in a few words, or the action that made it. */
	summary: string;
	/** Made by an action (created, imported, restored): later saves start a version of their own. */
	sealed?: boolean;
}

export interface VersionKey {
	notebookId: string;
	seq: number;
}

export interface HistoryChange {
	/** A version to add, or to replace (same notebook and seq). */
	put?: { info: VersionInfo; text: string };
	remove?: VersionKey[];
}

export interface HistoryStore {
	/** Every notebook's versions, without their text. */
	all(): Promise<VersionInfo[]>;
	text(key: VersionKey): Promise<string | null>;
	/** Applies the whole change or none of it. */
	apply(change: HistoryChange): Promise<void>;
}

const keyOf = (k: VersionKey) => `${k.notebookId}\u0000${k.seq}`;

export function memoryHistoryStore(): HistoryStore & { versions: Map<string, { info: VersionInfo; text: string }> } {
	const versions = new Map<string, { info: VersionInfo; text: string }>();
	return {
		versions,
		all: async () => [...versions.values()].map((v) => ({ ...v.info })),
		text: async (key) => versions.get(keyOf(key))?.text ?? null,
		apply: async ({ put, remove = [] }) => {
			for (const key of remove) versions.delete(keyOf(key));
			if (put) versions.set(keyOf(put.info), { info: { ...put.info }, text: put.text });
		}
	};
}
