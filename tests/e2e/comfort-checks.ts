// The comforts of the page, checked on a settled default notebook by notebook.spec.ts (in a visit
// it already makes, so they add no browser start): the keyboard, hidden code, the report view and
// print, a dark page that stays readable, and the chart builder and chart export.
import { readFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';
import { cell, firstValue } from './helpers';
import { contrastRatio, parseColour, type Rgb } from '../unit/support/contrast';

/**
 * The colour of an element's text and the colour it is drawn on: the backgrounds of its
 * ancestors composited down to the first opaque one (the page's canvas if none is).
 */
async function textAndBackground(target: Locator): Promise<{ text: Rgb; background: Rgb }> {
	const { text, layers } = await target.evaluate((el) => {
		const style = getComputedStyle(el);
		const layers: string[] = [];
		for (let node: Element | null = el; node; node = node.parentElement) layers.push(getComputedStyle(node).backgroundColor);
		return { text: el instanceof SVGElement ? style.fill : style.color, layers };
	});
	let background: Rgb = [255, 255, 255];
	const opaque = layers.findIndex((l) => (parseColour(l).alpha ?? 1) >= 1);
	if (opaque >= 0) background = parseColour(layers[opaque]).slice(0, 3) as Rgb;
	for (const layer of layers.slice(0, opaque < 0 ? layers.length : opaque).reverse()) {
		const c = parseColour(layer);
		const a = c.alpha ?? 1;
		background = background.map((b, i) => c[i] * a + b * (1 - a)) as Rgb;
	}
	return { text: parseColour(text).slice(0, 3) as Rgb, background };
}

async function contrastOf(target: Locator): Promise<number> {
	const { text, background } = await textAndBackground(target);
	return contrastRatio(text, background);
}

const pageBackground = (page: Page) => textAndBackground(page.locator('body')).then(({ background }) => background);
const isDark = ([r, g, b]: Rgb) => contrastRatio([r, g, b], [0, 0, 0]) < 2;

/** Esc, B, D D and undo from the keyboard; H hides a cell's code (kept in the file); ? and the first-visit note. */
export async function checkKeyboard(page: Page): Promise<void> {
	const kpis = cell(page, 'overview_kpis');
	const kpiValue = await firstValue(kpis);
	const title = await page.title();
	expect(title).not.toMatch(/running|error/);
	const names = () => page.locator('[data-testid="cell"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell-name')));
	const before = await names();
	const at = before.indexOf('overview_kpis');

	// Esc leaves the editor with the cell selected; B inserts a SQL cell below and selects it.
	await kpis.locator('.cm-content').click();
	await page.keyboard.press('Escape');
	await expect(kpis).toBeFocused();
	await page.keyboard.press('b');
	const added = page.locator('[data-testid="cell"]').nth(at + 1);
	await expect(added).toBeFocused();
	await expect(added).toHaveAttribute('data-cell-kind', 'sql');
	expect((await names()).length).toBe(before.length + 1);
	// D D deletes it, offering Undo; then K and D D delete overview_kpis itself, and Ctrl+Z in
	// command mode brings it back where it was, with its table rebuilt.
	await page.keyboard.press('d');
	await page.keyboard.press('d');
	await expect(page.getByTestId('notice-action')).toHaveText('Undo');
	expect(await names()).toEqual(before);
	await page.keyboard.press('k');
	await expect(kpis).toBeFocused();
	await page.keyboard.press('d');
	await page.keyboard.press('d');
	await expect(kpis).toHaveCount(0);
	await page.keyboard.press('Control+z');
	await expect(kpis).toBeFocused();
	expect(await names()).toEqual(before);
	await expect(kpis).toHaveAttribute('data-status', 'done');
	expect(await firstValue(kpis)).toBe(kpiValue);
	await expect(page).toHaveTitle(title);

	// H hides the cell's code and keeps its table; the flag is part of the notebook file.
	await page.keyboard.press('h');
	await expect(kpis.locator('.cm-editor, [data-testid="editor-pending"]')).toHaveCount(0);
	await expect(kpis.getByTestId('result-table')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export', exact: true }).click();
	expect(readFileSync(await (await download).path(), 'utf8')).toContain('```sql name=overview_kpis hide-code\n');

	// ? opens the shortcut list, which reopens the first-visit note.
	await page.keyboard.press('?');
	await expect(page.getByTestId('help-panel')).toContainText('Insert a SQL cell below');
	await page.getByTestId('open-welcome').click();
	await expect(page.getByTestId('help-panel')).toBeHidden();
	await expect(page.getByTestId('welcome')).toContainText('Nothing is uploaded');
	await page.getByTestId('welcome-dismiss').click();
}

/** The system turns dark: the page follows, and its tables, editors and chart axes keep ≥ 4.5:1 contrast; a chart built and exported there keeps its colours. */
export async function checkDarkPage(page: Page, testInfo: TestInfo): Promise<void> {
	// The OS turns dark: the page, its tables, editors and charts follow, and stay readable.
	expect(isDark(await pageBackground(page))).toBe(false);
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect.poll(async () => isDark(await pageBackground(page))).toBe(true);
	const daily = cell(page, 'overview_daily');
	const chart = cell(page, 'overview_revenue_chart');
	await chart.scrollIntoViewIfNeeded();
	await expect(chart.locator('svg').first()).toBeVisible();
	const tableText = daily.locator('[data-testid="result-table"] [role="gridcell"]').first();
	const editorText = daily.locator('.cm-content');
	const axisText = chart.locator('svg [aria-label="y-axis tick label"] text').first();
	await expect(editorText).toBeVisible();
	const ratios = { table: await contrastOf(tableText), editor: await contrastOf(editorText), axis: await contrastOf(axisText) };
	expect(isDark((await textAndBackground(editorText)).background)).toBe(true);
	for (const [what, ratio] of Object.entries(ratios)) expect(ratio, `${what} text contrast`).toBeGreaterThanOrEqual(4.5);
	// The artifact: an editor, its table and a chart, in dark.
	await daily.evaluate((e) => e.scrollIntoView({ block: 'start' }));
	const shot = testInfo.outputPath('dark-page.png');
	await page.screenshot({ path: shot });
	await testInfo.attach('dark-page', { path: shot, contentType: 'image/png' });
	// While the page is dark (a theme switch restyles the whole notebook): the builder and export.
	await checkChartBuilderAndExport(page);
	// A choice overrides the system, and is remembered.
	await page.getByTestId('theme').selectOption('light');
	await expect.poll(async () => isDark(await pageBackground(page))).toBe(false);
	expect(await page.evaluate(() => localStorage.getItem('cin:theme'))).toBe('light');
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The chart builder writes the spec (the chart redraws, the notebook saves it), and a chart drawn
 * on a dark page exports as an SVG that parses and holds its marks on the page's colours, and as
 * a PNG at twice its size. Run on a dark page (checkDarkPage calls it).
 */
async function checkChartBuilderAndExport(page: Page): Promise<void> {
	const chart = cell(page, 'overview_dau_chart');
	await chart.scrollIntoViewIfNeeded();
	await expect(chart.locator('svg [aria-label="line"]')).toHaveCount(1);
	await chart.getByTestId('edit-cell').click();
	await chart.getByRole('button', { name: 'Builder', exact: true }).click();
	const builder = chart.getByTestId('chart-builder');
	await expect(builder.getByRole('combobox', { name: 'Y', exact: true })).toHaveValue('"dau"');
	await builder.getByRole('combobox', { name: 'Mark', exact: true }).selectOption('barY');
	// The line's stroke became the bars' fill; the chart redrew and the notebook saved the text.
	const written = '{ "type": "barY", "x": "day", "y": "dau", "fill": "steelblue", "tip": true }';
	await expect(chart.locator('svg [aria-label="bar"] rect').first()).toBeVisible();
	await expect(chart.locator('svg [aria-label="line"]')).toHaveCount(0);
	await chart.getByRole('button', { name: 'Spec', exact: true }).click();
	await expect(chart.locator('.cm-content')).toContainText(written);
	await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cin:notebook-text:')).map((k) => localStorage.getItem(k)).join('\n'))).toContain(written);
	await chart.getByTestId('edit-cell').click();
	const bars = await chart.locator('svg [aria-label="bar"] rect').count();

	const [svgDownload] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('export-svg').click()]);
	expect(svgDownload.suggestedFilename()).toBe('overview_dau_chart.svg');
	const svg = readFileSync(await svgDownload.path(), 'utf8');
	expect(svg).not.toMatch(/currentcolor|var\(/i);
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const root = doc.documentElement;
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			background: root.querySelector(':scope > rect')?.getAttribute('fill') ?? '',
			bars: root.querySelectorAll('[aria-label="bar"] rect').length,
			title: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent).join(' '),
			// Text takes the fill of the nearest element that sets one.
			axisFill: (() => {
				let node: Element | null = root.querySelector('[aria-label="y-axis tick label"] text');
				while (node && !node.getAttribute('fill')) node = node.parentElement;
				return node?.getAttribute('fill') ?? '';
			})()
		};
	}, svg);
	expect(parsed.error).toBeNull();
	expect(parsed.bars).toBe(bars);
	expect(parsed.title).toContain('Daily active users');
	// The dark page's surface behind it, the page's light text on the axes.
	expect(isDark(parseColour(parsed.background).slice(0, 3) as Rgb)).toBe(true);
	expect(contrastRatio(parseColour(parsed.axisFill).slice(0, 3) as Rgb, parseColour(parsed.background).slice(0, 3) as Rgb)).toBeGreaterThanOrEqual(4.5);

	const [pngDownload] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('export-png').click()]);
	expect(pngDownload.suggestedFilename()).toBe('overview_dau_chart.png');
	const png = readFileSync(await pngDownload.path());
	expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
	// IHDR: the width and height at 2 pixels per CSS pixel.
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.ceil(parsed.width * 2), Math.ceil(parsed.height * 2)]);
}

/** Print and the report view hide code and cell controls and keep prose, inputs, tables and charts. */
export async function checkReportAndPrint(page: Page): Promise<void> {
	const daily = cell(page, 'overview_daily');
	const chart = cell(page, 'overview_revenue_chart');
	// Printing from the notebook view gives the report: no buttons, no editors, no side panel.
	await expect(daily.locator('.cm-editor')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(daily.locator('.cm-editor')).toBeHidden();
	await expect(page.getByTestId('run-all')).toBeHidden();
	await expect(daily.getByTestId('run-cell')).toBeHidden();
	await expect(page.getByTestId('datasets')).toBeHidden();
	await expect(daily.getByTestId('result-table')).toBeVisible();
	await expect(chart.locator('svg').first()).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	// The report view: prose, inputs, tables and charts; no code, no cell controls, no side panel.
	await page.getByTestId('report-view').click();
	await expect(page.locator('.cm-editor, [data-testid="editor-pending"]')).toHaveCount(0);
	await expect(page.getByTestId('run-cell')).toHaveCount(0);
	await expect(page.getByTestId('datasets')).toBeHidden();
	await expect(page.getByRole('heading', { name: '2. Executive overview' })).toBeVisible();
	await expect(daily.getByTestId('result-table')).toBeVisible();
	await expect(chart.locator('svg').first()).toBeVisible();
	await expect(cell(page, 'funnel_top_n').locator('input[data-variable="funnel_top_n"]')).toBeVisible();
}
