// How the page is shown, apart from the notebook itself: the theme, the report view, the help
// and first-visit panels. One instance for the page (`ui`); components read it directly, so
// switching the theme redraws charts and re-themes editors without passing it down the tree.
import { flushSync } from 'svelte';
import type { CellId } from '../notebook';
import { applyThemeChoice, isDarkTheme, readThemeChoice, saveThemeChoice, type ThemeChoice } from './theme';

const REPORT_KEY = 'cin:report-view';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export class UiState {
	#theme = $state<ThemeChoice>('system');
	#systemDark = $state(false);
	#report = $state(false);
	/** Whether the page is dark now (the choice, or the system's preference). */
	readonly dark = $derived(isDarkTheme(this.#theme, this.#systemDark));
	/** The page is being printed: charts draw for paper (light, every one, even off screen). */
	printing = $state(false);
	helpOpen = $state(false);
	welcomeOpen = $state(false);
	/** Each mounted cell's "edit me" (command mode's Enter): not state, the page only calls it. */
	readonly editors = new Map<CellId, () => void>();

	constructor() {
		const store = storage();
		this.#theme = readThemeChoice(store);
		try {
			this.#report = store?.getItem(REPORT_KEY) === 'true';
		} catch {
			this.#report = false;
		}
		if (typeof window === 'undefined' || !window.matchMedia) return;
		const query = window.matchMedia('(prefers-color-scheme: dark)');
		this.#systemDark = query.matches;
		// These live as long as the page: one listener each, never removed.
		query.addEventListener('change', (e) => (this.#systemDark = e.matches));
		// Synchronous, so what the print shows is drawn before the browser lays out the pages.
		window.addEventListener('beforeprint', () => flushSync(() => (this.printing = true)));
		window.addEventListener('afterprint', () => (this.printing = false));
		applyThemeChoice(document.documentElement, this.#theme);
	}

	get theme(): ThemeChoice {
		return this.#theme;
	}

	set theme(choice: ThemeChoice) {
		this.#theme = choice;
		saveThemeChoice(storage(), choice);
		if (typeof document !== 'undefined') applyThemeChoice(document.documentElement, choice);
	}

	/** The report view: prose, inputs, tables and charts; no code, no cell controls. */
	get report(): boolean {
		return this.#report;
	}

	set report(on: boolean) {
		this.#report = on;
		try {
			if (on) storage()?.setItem(REPORT_KEY, 'true');
			else storage()?.removeItem(REPORT_KEY);
		} catch {
			// Not remembered; the view still changes.
		}
	}
}

export const ui = new UiState();
