// Why a notebook could not be stored, in words that name the problem and the fix. The previous
// text is always intact when one of these is reported (see notebook-library.ts).
import { errorMessage } from '../data/error-message';

export interface SaveProblem {
	kind: 'too-big' | 'refused';
	message: string;
}

function megabytes(chars: number): string {
	return `${(chars / 1_000_000).toFixed(1)} MB`;
}

export function notebookTooBig(chars: number, max: number): SaveProblem {
	return {
		kind: 'too-big',
		message:
			`This notebook is ${megabytes(chars)} of text; a notebook kept in this browser can be at most ${megabytes(max)}. ` +
			`It was not saved, and the notebooks already saved are unchanged. Remove large pasted data from its cells ` +
			`(open data files as a dataset with "Open data…" instead), then save or import it again.`
	};
}

export function storageRefused(error: unknown): SaveProblem {
	// A DOMException (QuotaExceededError) is not an Error in every browser.
	const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
	const full = /quota/i.test(`${name} ${errorMessage(error)}`);
	return {
		kind: 'refused',
		message: full
			? `The browser's storage for notebooks is full (${errorMessage(error)}). This change is not saved; the last saved version is intact. ` +
				`Delete notebooks you no longer need, or export this one with Export, then edit again to save.`
			: `The browser refused to save the notebook (${errorMessage(error)}). This change is not saved; the last saved version is intact. ` +
				`Export the notebook with Export to keep your changes.`
	};
}
