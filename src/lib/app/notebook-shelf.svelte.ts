// The page's view of the notebook library (src/lib/notebooks/): the list as Svelte state, which
// notebook is open, and the autosave. The open notebook's text is written at most AUTOSAVE_MS
// after an edit (a burst of keystrokes is one write) and at once when the page is hidden or
// closed (`flush`), so a closed tab loses nothing. Switching notebooks is the session's: it
// also moves the runtime.
import {
	browserLibraryStore,
	idbHistoryStore,
	NotebookLibrary,
	type NotebookEntry,
	type SaveProblem,
	type VersionInfo
} from '../notebooks';

/** Longest an edit waits before it is written (the timer starts at the first unsaved edit). */
export const AUTOSAVE_MS = 250;

export interface ShelfHost {
	/** Another tab owns the workspace: this one must not write. */
	readOnly(): boolean;
	problem(problem: SaveProblem): void;
}

export class NotebookShelf {
	/** The notebooks, most recently changed first. */
	list = $state.raw<NotebookEntry[]>([]);
	/** The open notebook's id ('' when the browser keeps nothing). */
	openId = $state('');
	/** null where the browser has no local storage: the notebook then lives in the tab alone. */
	readonly library: NotebookLibrary | null;
	readonly #host: ShelfHost;
	#pending: { id: string; text: () => string; title: string } | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(host: ShelfHost) {
		this.#host = host;
		const store = browserLibraryStore();
		this.library = store ? new NotebookLibrary(store, idbHistoryStore(), { warn: (m, e) => console.warn(m, e) }) : null;
	}

	refresh() {
		if (this.library) this.list = this.library.list();
	}

	/**
	 * Notebook `id` changed: its text is written soon. `text` is called when it is written, so a
	 * burst of edits serialises the document once.
	 */
	changed(id: string, text: () => string, title: string) {
		if (!this.library || !this.library.entry(id) || this.#host.readOnly()) return;
		// Another notebook's unsaved text is written first, never replaced.
		if (this.#pending && this.#pending.id !== id) this.flush();
		this.#pending = { id, text, title };
		this.#timer ??= setTimeout(() => this.flush(), AUTOSAVE_MS);
	}

	/** Writes the open notebook's unsaved text now; false if it could not be stored. */
	flush(): boolean {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		const pending = this.#pending;
		this.#pending = null;
		if (!pending || !this.library || this.#host.readOnly()) return true;
		const saved = this.library.save(pending.id, pending.text(), pending.title);
		if (!saved.ok) this.#host.problem(saved.problem);
		this.refresh();
		return saved.ok;
	}

	/** Forgets unsaved text (the notebook it belonged to is gone). */
	drop() {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		this.#pending = null;
	}

	versions(id: string): Promise<VersionInfo[]> {
		if (!this.library) return Promise.resolve([]);
		this.flush();
		return this.library.versions(id);
	}
}
