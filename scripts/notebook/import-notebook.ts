// Opens a notebook in the page through its "Import notebook…" input (it becomes a new notebook
// of the library) and waits for it to run.
import path from 'node:path';
import type { HeadlessPage } from './headless-page';
import { dismissNotice, readPageState } from './page-state';

export class NotebookImportError extends Error {
	override name = 'NotebookImportError';
}

/** `source` is a path, or a name and text (e.g. the bundled default notebook). */
export async function importNotebook(hp: HeadlessPage, source: string | { name: string; text: string }): Promise<void> {
	const { page } = hp;
	await hp.idle();
	await dismissNotice(page);
	const name = typeof source === 'string' ? path.basename(source) : source.name;
	const input = page.getByTestId('notebook-input');
	await hp.guard(
		typeof source === 'string'
			? input.setInputFiles(path.resolve(source))
			: input.setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(source.text, 'utf8') })
	);
	for (;;) {
		const state = await hp.guard(readPageState(page));
		if (state.notice?.error) throw new NotebookImportError(state.notice.text);
		// An import opens as a new notebook of the library.
		if (state.notice?.text.startsWith(`Imported ${name} as a new notebook`)) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	await hp.idle();
}
