// The built site in Debian's headless Chromium with a fresh, throw-away profile: the same
// browser and flags as the e2e tests, but a persistent profile on disk, so OPFS datasets are
// real files (an incognito context keeps OPFS in memory, which would distort RSS and quota).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CinAutomation } from '../../src/lib/app/automation';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { serveSite, type SiteServer } from './serve-site';


/** A day: a full-scale ingest takes long, and a hang shows up as no progress, not as a timeout. */
export const DEFAULT_TIMEOUT_MS = 24 * 3600_000;

export interface HeadlessPageOptions {
	siteDir?: string;
	/** V8 flags for the renderer (`--js-flags`), for experiments such as eager wasm tier-up. */
	jsFlags?: string;
	timeoutMs?: number;
	log?: (line: string) => void;
}

export interface HeadlessPage {
	page: Page;
	context: BrowserContext;
	site: SiteServer;
	timeoutMs: number;
	/** Rejects as soon as the page crashes or closes (e.g. the renderer ran out of memory). */
	guard<T>(work: Promise<T>): Promise<T>;
	/** Waits until the notebook has settled (`window.cin.idle()`). */
	idle(): Promise<void>;
	close(): Promise<void>;
}

/** `window.cin` inside page functions (they run in the page, so only this type crosses over). */
export type CinWindow = Window & { cin: CinAutomation };

export async function openHeadlessPage(options: HeadlessPageOptions = {}): Promise<HeadlessPage> {
	const log = options.log ?? (() => {});
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const site = await serveSite(options.siteDir ?? 'build');
	const profile = mkdtempSync(path.join(tmpdir(), 'cin-profile-'));
	let context: BrowserContext | null = null;
	const cleanup = async () => {
		await context?.close().catch(() => {});
		await site.close();
		rmSync(profile, { recursive: true, force: true });
	};
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: options.jsFlags ? [...CHROMIUM_ARGS, `--js-flags=${options.jsFlags}`] : CHROMIUM_ARGS,
			viewport: { width: 1280, height: 900 }
		});
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(timeoutMs);
		let failure: Error | null = null;
		let fail: (error: Error) => void = () => {};
		const failed = new Promise<never>((_, reject) => {
			fail = (error) => {
				failure ??= error;
				reject(failure);
			};
		});
		failed.catch(() => {}); // observed through guard()
		page.on('crash', () => fail(new Error('the page crashed (the renderer process died, e.g. out of memory)')));
		page.on('close', () => fail(new Error('the page closed')));
		page.on('pageerror', (error) => log(`page error: ${error.message}`));
		const guard = <T>(work: Promise<T>): Promise<T> => Promise.race([work, failed]);
		const idle = () => guard(page.evaluate((ms) => (window as unknown as CinWindow).cin.idle(ms), timeoutMs));

		await guard(page.goto(site.url).then(() => undefined));
		await guard(page.waitForFunction(() => 'cin' in window, undefined, { timeout: 60_000 }).then(() => undefined));
		await idle();
		const ctx = context;
		return {
			page,
			context: ctx,
			site,
			timeoutMs,
			guard,
			idle,
			close: cleanup
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}
