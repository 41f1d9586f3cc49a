// Debian's Chromium and the flags every headless run here uses (e2e tests, `npm run notebook`,
// `npm run bench`): no sandbox in containers, no GPU, and nothing that talks to the network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
