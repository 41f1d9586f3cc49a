// The notebooks of this browser: a list, each notebook's current text, which one is open, and
// each one's earlier versions. Framework-free: the page's session drives it, tests drive it over
// in-memory stores.
//
// A save never leaves an unreadable notebook. The new text goes under a key of its own first;
// only then does the list (one small value, written whole) point at it, and only after that is
// the previous text removed. A failure or a crash before the list is written leaves the list
// pointing at the previous text, intact; the unreferenced new key is swept by the next save of
// that notebook.
import type { HistoryStore, VersionInfo, VersionKey } from './history-store';
import type { LibraryStore } from './library-store';
import { changeSummary, DEFAULT_HISTORY_POLICY, versionsToPrune, versionToAmend, type HistoryPolicy } from './version-history';
import { notebookTooBig, storageRefused, type SaveProblem } from './save-problem';

/** The single autosave of the app before it had a library; read once, on the first start. */
export const LEGACY_KEY = 'cin:notebook:v1';
export const INDEX_KEY = 'cin:notebooks:v2';
const TEXT_PREFIX = 'cin:notebook-text:';

/**
 * A notebook's text is kept whole in localStorage (a few MB per site): one this size is ten
 * times the Customer Intelligence notebook and leaves room for several others.
 */
export const MAX_NOTEBOOK_CHARS = 1_000_000;

export interface NotebookEntry {
	id: string;
	title: string;
	created: number;
	updated: number;
	/** Characters of its current text. */
	size: number;
	/** Which stored text is current (see textKey). */
	rev: number;
}

interface LibraryIndex {
	version: 2;
	open: string | null;
	notebooks: NotebookEntry[];
	/** The notebook the pre-library autosave became (its output snapshots were saved per dataset). */
	legacyId?: string;
}

export interface LibraryOptions {
	now?: () => number;
	newId?: () => string;
	maxChars?: number;
	history?: HistoryPolicy;
	/** A history write failed: the notebook itself is saved, only its history lacks this change. */
	warn?: (message: string, error: unknown) => void;
}

export type SaveResult = { ok: true } | { ok: false; problem: SaveProblem };

const textKey = (id: string, rev: number) => `${TEXT_PREFIX}${id}:${rev}`;

function defaultId(): string {
	const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
	return `nb-${random}`;
}

function isEntry(value: unknown): value is NotebookEntry {
	const e = value as NotebookEntry;
	return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.title === 'string' && Number.isInteger(e.rev);
}

export class NotebookLibrary {
	readonly #store: LibraryStore;
	readonly #history: HistoryStore;
	readonly #now: () => number;
	readonly #newId: () => string;
	readonly #policy: HistoryPolicy;
	readonly #warn: (message: string, error: unknown) => void;
	readonly maxChars: number;
	/** History writes, one after another (each reads what the previous wrote). */
	#historyQueue: Promise<void> = Promise.resolve();
	/** The texts of each notebook's last two versions written here: a save then reads none. */
	readonly #recent = new Map<string, { seq: number; text: string }[]>();

	constructor(store: LibraryStore, history: HistoryStore, options: LibraryOptions = {}) {
		this.#store = store;
		this.#history = history;
		this.#now = options.now ?? Date.now;
		this.#newId = options.newId ?? defaultId;
		this.#policy = options.history ?? DEFAULT_HISTORY_POLICY;
		this.#warn = options.warn ?? (() => {});
		this.maxChars = options.maxChars ?? MAX_NOTEBOOK_CHARS;
	}

	// ---- reading ------------------------------------------------------------------------------

	/** The notebooks, most recently changed first. */
	list(): NotebookEntry[] {
		return [...this.#index().notebooks].sort((a, b) => b.updated - a.updated);
	}

	entry(id: string): NotebookEntry | null {
		return this.#index().notebooks.find((n) => n.id === id) ?? null;
	}

	/** The notebook open last (remembered across reloads), or null. */
	openId(): string | null {
		return this.#index().open;
	}

	/** The notebook the pre-library autosave became, if this library was migrated from one. */
	legacyId(): string | null {
		return this.#index().legacyId ?? null;
	}

	/** A notebook's current text; null for an unknown notebook. */
	text(id: string): string | null {
		const entry = this.entry(id);
		return entry ? this.#store.get(textKey(entry.id, entry.rev)) : null;
	}

	// ---- starting ------------------------------------------------------------------------------

	/**
	 * The notebook to show at start: the one open last. On the first start with a library the
	 * pre-library autosave becomes its first notebook (nothing the user wrote is lost); with
	 * neither, `first` (the starter notebook) does. `problem` says why nothing could be stored.
	 */
	start(first: () => { text: string; title: string }, titleOf: (text: string) => string): { id: string; text: string; problem: SaveProblem | null } {
		let index = this.#readIndex();
		if (index === null) {
			const legacy = this.#store.get(LEGACY_KEY);
			const initial = legacy !== null ? { text: legacy, title: titleOf(legacy) } : first();
			const created = this.#add(initial.text, initial.title, legacy !== null ? 'kept from the previous autosave' : 'created');
			if (!created.ok) return { id: '', text: initial.text, problem: created.problem };
			index = this.#index();
			if (legacy !== null) {
				index = { ...index, legacyId: created.id };
				const written = this.#writeIndex(index);
				if (!written.ok) return { id: created.id, text: initial.text, problem: written.problem };
				// Only once the library holds it: a crash before this line migrates it again, whole.
				this.#store.remove(LEGACY_KEY);
			}
		}
		const open = index.notebooks.find((n) => n.id === index.open) ?? [...index.notebooks].sort((a, b) => b.updated - a.updated)[0];
		if (!open) {
			// Every notebook was deleted in another tab: begin again with the starter.
			const initial = first();
			const created = this.#add(initial.text, initial.title, 'created');
			return created.ok ? { id: created.id, text: initial.text, problem: null } : { id: '', text: initial.text, problem: created.problem };
		}
		if (index.open !== open.id) this.setOpen(open.id);
		return { id: open.id, text: this.text(open.id) ?? '', problem: null };
	}

	// ---- changing ------------------------------------------------------------------------------

	/** Adds a notebook (blank, from a template, a duplicate, an import); `why` labels its first version. */
	create(text: string, title: string, why = 'created'): { ok: true; id: string } | { ok: false; problem: SaveProblem } {
		return this.#add(text, title, why);
	}

	/** Remembers which notebook is open (the next start opens it). */
	setOpen(id: string): SaveResult {
		const index = this.#index();
		if (index.open === id || !index.notebooks.some((n) => n.id === id)) return { ok: true };
		return this.#writeIndex({ ...index, open: id });
	}

	/**
	 * Saves a notebook's text (the autosave). Atomic: see the top of this file. With
	 * `newVersion` the history gets a version of its own for it, labelled `why` (a restore).
	 */
	save(id: string, text: string, title: string, options: { newVersion?: boolean; why?: string } = {}): SaveResult {
		const entry = this.entry(id);
		if (!entry) return { ok: false, problem: storageRefused(new Error('this notebook was deleted (in another tab?)')) };
		if (text.length > this.maxChars) return { ok: false, problem: notebookTooBig(text.length, this.maxChars) };
		const unchanged = entry.title === title && this.#store.get(textKey(id, entry.rev)) === text;
		if (unchanged && !options.newVersion) return { ok: true };
		const rev = entry.rev + 1;
		const time = this.#now();
		try {
			this.#store.set(textKey(id, rev), text);
		} catch (error) {
			this.#store.remove(textKey(id, rev));
			return { ok: false, problem: storageRefused(error) };
		}
		// Read again: another tab may have changed the list meanwhile (never this notebook: one tab writes).
		const index = this.#index();
		const updated: NotebookEntry = { ...entry, title, updated: time, size: text.length, rev };
		const written = this.#writeIndex({ ...index, notebooks: index.notebooks.map((n) => (n.id === id ? updated : n)) });
		if (!written.ok) {
			this.#store.remove(textKey(id, rev));
			return written;
		}
		this.#sweep(id, rev);
		this.#record(id, text, time, options.newVersion ? (options.why ?? 'saved') : null);
		return { ok: true };
	}

	/** Removes a notebook, its text and its history. */
	remove(id: string): SaveResult {
		const index = this.#index();
		if (!index.notebooks.some((n) => n.id === id)) return { ok: true };
		const written = this.#writeIndex({
			...index,
			open: index.open === id ? null : index.open,
			notebooks: index.notebooks.filter((n) => n.id !== id),
			legacyId: index.legacyId === id ? undefined : index.legacyId
		});
		if (!written.ok) return written;
		this.#sweep(id, -1);
		this.#recent.delete(id);
		this.#enqueue(async () => {
			const mine = (await this.#history.all()).filter((v) => v.notebookId === id);
			if (mine.length) await this.#history.apply({ remove: mine.map(({ notebookId, seq }) => ({ notebookId, seq })) });
		});
		return { ok: true };
	}

	// ---- history -------------------------------------------------------------------------------

	/** A notebook's versions, newest first (after every save made so far is recorded). */
	async versions(id: string): Promise<VersionInfo[]> {
		await this.historySettled();
		return (await this.#history.all()).filter((v) => v.notebookId === id).sort((a, b) => b.seq - a.seq);
	}

	async versionText(key: VersionKey): Promise<string | null> {
		await this.historySettled();
		return this.#history.text(key);
	}

	/** Resolves once every history write queued so far has been applied (or has failed). */
	historySettled(): Promise<void> {
		return this.#historyQueue;
	}

	// ---- internals -----------------------------------------------------------------------------

	#add(text: string, title: string, why: string): { ok: true; id: string } | { ok: false; problem: SaveProblem } {
		if (text.length > this.maxChars) return { ok: false, problem: notebookTooBig(text.length, this.maxChars) };
		const id = this.#newId();
		const time = this.#now();
		try {
			this.#store.set(textKey(id, 1), text);
		} catch (error) {
			this.#store.remove(textKey(id, 1));
			return { ok: false, problem: storageRefused(error) };
		}
		const index = this.#index();
		const entry: NotebookEntry = { id, title, created: time, updated: time, size: text.length, rev: 1 };
		const written = this.#writeIndex({ ...index, open: index.open ?? id, notebooks: [...index.notebooks, entry] });
		if (!written.ok) {
			this.#store.remove(textKey(id, 1));
			return written;
		}
		this.#record(id, text, time, why);
		return { ok: true, id };
	}

	/** Removes a notebook's stored texts other than `keepRev` (a crashed save's leftover too). */
	#sweep(id: string, keepRev: number) {
		const prefix = `${TEXT_PREFIX}${id}:`;
		for (const key of this.#store.keys()) {
			if (key.startsWith(prefix) && key !== textKey(id, keepRev)) this.#store.remove(key);
		}
	}

	#index(): LibraryIndex {
		return this.#readIndex() ?? { version: 2, open: null, notebooks: [] };
	}

	/**
	 * The list as stored; null before the first start with a library. A list that cannot be read
	 * is rebuilt from the texts it pointed at (each notebook's newest), so no notebook is lost.
	 */
	#readIndex(): LibraryIndex | null {
		const raw = this.#store.get(INDEX_KEY);
		if (raw === null) return null;
		try {
			const parsed = JSON.parse(raw) as LibraryIndex;
			if (parsed.version === 2 && Array.isArray(parsed.notebooks) && parsed.notebooks.every(isEntry)) return parsed;
		} catch {
			// rebuilt below
		}
		return this.#rebuildIndex();
	}

	#rebuildIndex(): LibraryIndex {
		const newest = new Map<string, number>();
		for (const key of this.#store.keys()) {
			const m = key.startsWith(TEXT_PREFIX) ? /^(.*):(\d+)$/.exec(key.slice(TEXT_PREFIX.length)) : null;
			if (m && Number(m[2]) > (newest.get(m[1]) ?? 0)) newest.set(m[1], Number(m[2]));
		}
		const time = this.#now();
		const notebooks = [...newest].map(([id, rev], i): NotebookEntry => {
			const size = this.#store.get(textKey(id, rev))?.length ?? 0;
			return { id, title: `Recovered notebook ${i + 1}`, created: time, updated: time, size, rev };
		});
		return { version: 2, open: notebooks[0]?.id ?? null, notebooks };
	}

	#writeIndex(index: LibraryIndex): SaveResult {
		try {
			this.#store.set(INDEX_KEY, JSON.stringify(index));
			return { ok: true };
		} catch (error) {
			return { ok: false, problem: storageRefused(error) };
		}
	}

	#enqueue(work: () => Promise<void>) {
		this.#historyQueue = this.#historyQueue.then(work).catch((error) => this.#warn('saving the notebook history failed', error));
	}

	/**
	 * Adds the saved text to the notebook's history: folded into its newest version after a
	 * short pause or a few dozen saves, else as a new version; `why` (an explicit action: created,
	 * imported, restored) always makes a version of its own, which later saves do not fold into.
	 */
	#record(id: string, text: string, time: number, why: string | null) {
		this.#enqueue(async () => {
			const all = await this.#history.all();
			const mine = all.filter((v) => v.notebookId === id).sort((a, b) => a.seq - b.seq);
			const newest = mine.at(-1);
			const amend = why === null && !newest?.sealed ? versionToAmend(newest, time, this.#policy) : null;
			const base = amend ? mine.at(-2) : newest;
			const baseText = base ? await this.#textOf(base) : null;
			if (!amend && newest && why === null && baseText === text) return; // nothing new since the newest version
			const info: VersionInfo = {
				notebookId: id,
				seq: amend ? amend.seq : (newest?.seq ?? 0) + 1,
				created: amend ? amend.created : time,
				time,
				edits: amend ? amend.edits + 1 : 1,
				size: text.length,
				summary: why ?? changeSummary(baseText, text),
				...(why !== null ? { sealed: true } : {})
			};
			const after = [...all.filter((v) => !(v.notebookId === id && v.seq === info.seq)), info];
			const remove = versionsToPrune(after, this.#policy, info);
			await this.#history.apply({ put: { info, text }, remove });
			const recent = (this.#recent.get(id) ?? []).filter((v) => v.seq !== info.seq);
			this.#recent.set(id, [...recent, { seq: info.seq, text }].slice(-2));
		});
	}

	async #textOf(version: VersionInfo): Promise<string | null> {
		const known = this.#recent.get(version.notebookId)?.find((v) => v.seq === version.seq);
		return known ? known.text : this.#history.text(version);
	}
}
