// The colour theme: light, dark, or the system's (the default), remembered in localStorage.
// app.css reads the `data-theme` attribute of <html>; static/theme-init.js applies a stored
// choice before the first paint (it reads THEME_KEY itself: it runs before any module).
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_KEY = 'cin:theme';

/** The stored choice; 'system' when there is none, it is unreadable or storage is unavailable. */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | null): ThemeChoice {
	try {
		const stored = storage?.getItem(THEME_KEY);
		return stored === 'light' || stored === 'dark' ? stored : 'system';
	} catch {
		return 'system';
	}
}

/** Remembers the choice ('system' removes the key: no choice is the system's). */
export function saveThemeChoice(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, choice: ThemeChoice): void {
	try {
		if (choice === 'system') storage?.removeItem(THEME_KEY);
		else storage?.setItem(THEME_KEY, choice);
	} catch {
		// Not remembered (storage full or blocked); the theme still applies to this page.
	}
}

/** Whether the page is dark under `choice`, given whether the system prefers dark. */
export function isDarkTheme(choice: ThemeChoice, systemDark: boolean): boolean {
	return choice === 'dark' || (choice === 'system' && systemDark);
}

/** Sets the attribute app.css reads: an explicit choice, or none to follow the system. */
export function applyThemeChoice(root: Pick<Element, 'setAttribute' | 'removeAttribute'>, choice: ThemeChoice): void {
	if (choice === 'system') root.removeAttribute('data-theme');
	else root.setAttribute('data-theme', choice);
}
