// The browser state every e2e test starts from. A first visit ingests the bundled sample into
// OPFS and runs the whole default notebook, which takes most of a minute here; doing that in
// every test was most of the suite's time. So profile.setup.ts does it once, in a Chromium
// profile on disk, and each test gets its own COPY of that profile: tests stay isolated from
// one another (nothing a test writes reaches the next one) but start with the sample already
// in OPFS, the dataset registry and the notebook library in localStorage, the output snapshot
// and the notebook's first version in IndexedDB, and the site in the service worker's cache, as
// a returning user does. Tests about the first start ask for an empty profile
// with `test.use({ profile: 'empty' })`.
//
// Both kinds are persistent profiles on disk (launchPersistentContext), as users have: OPFS,
// Chrome's HTTP and wasm code caches then live in real files, where an incognito-like test
// context keeps OPFS in memory and keeps no code cache at all.
import { chromium, test as base, type BrowserContext } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

export { expect } from '@playwright/test';

/** Written by profile.setup.ts at the start of every run; only copied afterwards, never opened. */
export const PREPARED_PROFILE = path.resolve('.tmp', 'e2e-profile');

// Chromium's lock on a profile: symlinks naming the host and process that had it open. They
// are gone after a clean close; a copy must never carry one, or Chromium may refuse the copy.
const PROFILE_LOCKS = new Set(['SingletonLock', 'SingletonSocket', 'SingletonCookie']);

export function launchProfile(dir: string, baseURL: string | undefined, serviceWorkers: 'allow' | 'block' = 'allow'): Promise<BrowserContext> {
	return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL, serviceWorkers });
}

export interface ProfileOptions {
	/** 'prepared': a copy of the profile with the sample ingested; 'empty': a first visit. */
	profile: 'prepared' | 'empty';
}

export const test = base.extend<ProfileOptions>({
	profile: ['prepared', { option: true }],

	// Replaces Playwright's incognito-like context: one browser per test, on its own profile
	// directory, closed (so Chromium lets go of it) before the directory is removed.
	// `serviceWorkers: 'block'` (Playwright's option) for a test that replaces the site's files
	// with routes: the app's service worker would answer them from its cache, past the routes.
	// Blocking only stops new registrations, so the profile is copied without the worker the
	// prepared profile has installed (Chromium keeps it, and its caches, in `Service Worker/`).
	context: async ({ profile, baseURL, serviceWorkers }, use) => {
		const dir = mkdtempSync(path.join(tmpdir(), 'cin-e2e-profile-'));
		try {
			if (profile === 'prepared') {
				if (!existsSync(path.join(PREPARED_PROFILE, 'Default'))) {
					throw new Error(`No prepared profile in ${PREPARED_PROFILE}: run the 'profile' project first (it runs by default; --no-deps skips it).`);
				}
				const workerDir = path.join(PREPARED_PROFILE, 'Default', 'Service Worker');
				const skip = (src: string) => PROFILE_LOCKS.has(path.basename(src)) || (serviceWorkers === 'block' && src === workerDir);
				cpSync(PREPARED_PROFILE, dir, { recursive: true, filter: (src) => !skip(src) });
			}
			const context = await launchProfile(dir, baseURL, serviceWorkers);
			try {
				await use(context);
			} finally {
				await context.close();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	},

	// A persistent context opens with one blank tab: the test's page is that tab.
	page: async ({ context }, use) => {
		await use(context.pages()[0] ?? (await context.newPage()));
	}
});
