import { expect, type Locator, type Page } from '@playwright/test';

export const cell = (page: Page, name: string): Locator => page.locator(`[data-testid="cell"][data-cell-name="${name}"]`);

/** The page-side count of settled()'s consecutive quiet polls. */
interface QuietPolls {
	quietPolls?: number;
}

/** Waits until the engine is ready and nothing is loading, queued or running. */
export async function settled(page: Page, timeout = 180_000): Promise<void> {
	await expect(page.getByTestId('engine-status')).toHaveAttribute('data-phase', 'ready', { timeout });
	try {
		// Polled in the page, not with expect(): every failed poll of an expect() on an element
		// renders that element's ARIA tree for the failure message, and `app` holds the whole
		// notebook. That cost the page under test seconds of main thread per wait.
		// Quiet on two polls in a row, 100 ms apart: a run the test has just started (a click)
		// shows as busy only a task later, and the first poll comes at once.
		await page.evaluate(() => ((window as unknown as QuietPolls).quietPolls = 0));
		await page.waitForFunction(
			() => {
				const polls = window as unknown as QuietPolls;
				const quiet = document.querySelector('[data-testid="app"]')?.getAttribute('data-busy') === 'false';
				polls.quietPolls = quiet ? (polls.quietPolls ?? 0) + 1 : 0;
				return (polls.quietPolls ?? 0) >= 2;
			},
			null,
			{ timeout, polling: 100 }
		);
	} catch (error) {
		// Name what is still working: a bare "busy" says nothing about which cell hung.
		const busy = await page
			.evaluate(async () => (await window.cin.cells(0)).filter((c) => c.status === 'queued' || c.status === 'running').map((c) => `${c.name}: ${c.status}`))
			.catch((e: Error) => [`(cells unreadable: ${e.message})`]);
		throw new Error(`${(error as Error).message}\nstill busy: ${busy.join(', ') || '(no cell: loading or ingesting)'}`);
	}
}

/** Sets an input cell's control to `value` and commits it (Enter), as a user would. */
export async function setInput(page: Page, name: string, value: string): Promise<void> {
	const input = cell(page, name).locator(`[data-variable="${name}"]`);
	await input.fill(value);
	await input.press('Enter');
}

/** Replaces the text of a cell's CodeMirror editor, as a user would. */
export async function typeInto(target: Locator, text: string): Promise<void> {
	const editor = target.locator('.cm-content');
	await editor.click();
	await editor.press('Control+A');
	await editor.press('Delete');
	await editor.pressSequentially(text, { delay: 0 });
}

/** The text of the first data cell (row 1, column 1) of a cell's result table. */
export async function firstValue(target: Locator, column = 0): Promise<string> {
	const row = target.locator('[data-testid="result-table"] [role="row"][aria-rowindex="2"]');
	return (await row.locator('[role="gridcell"]').nth(column).textContent())?.trim() ?? '';
}

/** Adds a SQL cell at the end of the notebook, names it, types its SQL and runs it (Shift+Enter). */
export async function addSqlCell(page: Page, name: string, sql: string): Promise<Locator> {
	await page.getByTestId('add-sql').click();
	const added = page.locator('[data-testid="cell"]').last();
	await added.getByLabel('cell name').fill(name);
	await added.getByLabel('cell name').press('Enter');
	const named = cell(page, name);
	await typeInto(named, sql);
	await named.locator('.cm-content').press('Shift+Enter');
	return named;
}

/**
 * Holds back the engine's wasm until `release()` is called: whatever a page shows meanwhile
 * cannot have come from DuckDB. (Routing also bypasses Chrome's HTTP cache.)
 */
export async function holdEngine(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.context().route('**/*.wasm', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

/**
 * Replaces the default notebook with a one-cell one, as a user importing a notebook would. For
 * tests about datasets: opening a dataset re-runs the open notebook, and the default one's 130
 * cells are most of such a test's time without being what it checks.
 */
export async function useSmallNotebook(page: Page): Promise<void> {
	const text = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Datasets check\n---\n\n# Datasets check\n\n```sql name=event_count\nSELECT count(*) AS events FROM events\n```\n';
	await page.getByTestId('notebook-input').setInputFiles({ name: 'datasets-check.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
	await expect(cell(page, 'event_count')).toHaveAttribute('data-status', 'done');
	await settled(page);
}

/**
 * Collects what the page's content security policy refused: the console's reports (the page's
 * and its workers') as they come. An empty list after a run means nothing the app does needed
 * more than the policy allows.
 */
export function cspViolations(page: Page): string[] {
	const seen: string[] = [];
	const note = (text: string) => /Content Security Policy/i.test(text) && seen.push(text);
	page.on('console', (m) => note(m.text()));
	page.on('worker', (w) => w.on('console', (m) => note(m.text())));
	return seen;
}

/** The names of the entries of the site's OPFS root, sorted. */
export function opfsFiles(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const names: string[] = [];
		for await (const [name] of (await navigator.storage.getDirectory()) as unknown as AsyncIterable<[string]>) names.push(name);
		return names.sort();
	});
}

/** Each listed dataset as `id:state`, in the list's order (state: ready, interrupted, missing…). */
export function datasetStates(page: Page): Promise<string[]> {
	return page.getByTestId('dataset').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.datasetId}:${(e as HTMLElement).dataset.state}`));
}
