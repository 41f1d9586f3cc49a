// What the page shows right now, read from its DOM in one round trip: the open dataset, whether
// it is busy, the current notice, the ingest step and the running cell. Polled while waiting
// for an ingest, and by the benchmark to label memory samples.
import type { Page } from '@playwright/test';

export interface PageState {
	dataset: string;
	busy: boolean;
	notice: { error: boolean; text: string } | null;
	/** The ingest progress line (`file: step` while appending, `step` while building facts). */
	ingestStep: string | null;
	/** Name (or null) of the cell running now; undefined when none is. */
	runningCell: string | null | undefined;
}

export function readPageState(page: Page): Promise<PageState> {
	return page.evaluate((): PageState => {
		const app = document.querySelector('[data-testid="app"]');
		const notice = document.querySelector('[data-testid="notice"]');
		const running = document.querySelector('[data-testid="cell"][data-status="running"]');
		return {
			dataset: app?.getAttribute('data-dataset') ?? '',
			busy: app?.getAttribute('data-busy') === 'true',
			notice: notice
				? { error: notice.classList.contains('error'), text: (notice.querySelector('span')?.textContent ?? notice.textContent ?? '').trim() }
				: null,
			ingestStep: document.querySelector('[data-testid="ingest"] .step')?.textContent?.trim() ?? null,
			runningCell: running ? running.getAttribute('data-cell-name') : undefined
		};
	});
}

/** Closes the current notice, so the next one read is new. */
export async function dismissNotice(page: Page): Promise<void> {
	const button = page.locator('[data-testid="notice"] button[aria-label="Dismiss"]');
	if (await button.count()) await button.first().click();
}
