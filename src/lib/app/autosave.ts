// The notebook text is saved on every edit, synchronously, so a crash or a closed tab loses
// nothing. localStorage is small (~5 MB) but a notebook is text of a few KB to a few hundred KB.
import { errorMessage } from '../data/error-message';

const KEY = 'cin:notebook:v1';
/** Where an autosave the app could not read is kept aside, so what the user wrote is never lost. */
export const UNREADABLE_KEY = 'cin:notebook:unreadable';

export function loadSavedNotebook(): string | null {
	try {
		return localStorage.getItem(KEY);
	} catch {
		return null;
	}
}

/** Returns an error message when the browser refused to store the text. */
export function saveNotebook(text: string): string | null {
	try {
		localStorage.setItem(KEY, text);
		return null;
	} catch (error) {
		return `Autosave failed (${errorMessage(error)}). Export the notebook to keep your changes.`;
	}
}
