// Opens event-log files through the page's fallback file input, as a user would, and waits
// until the new dataset is open and its notebook has run. Files are passed by path: Playwright
// hands a local browser the paths, so multi-GB files are never copied through the protocol.
import type { HeadlessPage } from './headless-page';
import { dismissNotice, readPageState, type PageState } from './page-state';

export class IngestError extends Error {
	override name = 'IngestError';
}

export interface IngestOutcome {
	datasetId: string;
	/** The page's summary notice (rows, malformed lines, notes), if it showed one. */
	notice: string | null;
	/** From choosing the files to the dataset being open (before its notebook runs). */
	wallMs: number;
}

const POLL_MS = 200;

export async function uploadData(hp: HeadlessPage, files: readonly string[], onState?: (s: PageState) => void): Promise<IngestOutcome> {
	const { page } = hp;
	await hp.idle();
	await dismissNotice(page);
	const before = (await readPageState(page)).dataset;
	const started = performance.now();
	await hp.guard(page.getByTestId('file-input').setInputFiles([...files]));
	const deadline = Date.now() + hp.timeoutMs;
	for (;;) {
		const state = await hp.guard(readPageState(page));
		onState?.(state);
		if (state.notice?.error) throw new IngestError(state.notice.text);
		if (state.dataset !== '' && state.dataset !== before) {
			const wallMs = Math.round(performance.now() - started);
			await hp.idle();
			const after = await readPageState(page);
			return { datasetId: state.dataset, notice: after.notice?.text ?? state.notice?.text ?? null, wallMs };
		}
		// A CSV without event columns becomes a table of the open dataset, not a dataset.
		if (state.notice && /rows loaded into table/.test(state.notice.text)) {
			throw new IngestError(`${state.notice.text} (not an event log, so no dataset was created)`);
		}
		if (Date.now() > deadline) throw new IngestError(`timed out after ${hp.timeoutMs} ms waiting for the ingest`);
		await new Promise((r) => setTimeout(r, POLL_MS));
	}
}
