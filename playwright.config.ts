import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

const PORT = 4319;

// E2E tests run the built static site (npm run build) in Debian's Chromium.
export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 240_000,
	expect: { timeout: 30_000 },
	// Two tests at a time, from any file: each test has its own browser and profile copy
	// (fixtures.ts), so they share nothing but the static server; a file's tests spread over both
	// workers instead of leaving one idle while the other runs a long file alone.
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list'], ['./tests/e2e/durations-reporter.ts']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS
		},
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	// 'profile' ingests the bundled sample once into a Chromium profile on disk; the tests then
	// start from copies of it (tests/e2e/fixtures.ts) instead of each ingesting it again.
	projects: [
		{ name: 'profile', testMatch: /profile\.setup\.ts$/ },
		{ name: 'e2e', testMatch: /\.spec\.ts$/, dependencies: ['profile'] }
	],
	webServer: {
		command: `node scripts/serve.js --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
