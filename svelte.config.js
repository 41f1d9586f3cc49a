import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { basePath } from './scripts/base-path.js';

/**
 * @param {string} base
 * @returns {import('@sveltejs/kit').KitConfig['paths']}
 */
function sitePaths(base) {
	return base ? { base, relative: false } : { relative: true };
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// The whole app prerenders to static files; there is no server.
		adapter: adapter({ fallback: undefined, strict: true }),
		alias: { $workers: 'workers' },
		// The service worker (src/service-worker.ts) caches the static folder but its dotfiles
		// (.nojekyll: GitHub Pages would otherwise drop the _app folder).
		serviceWorker: { files: (file) => !/(^|\/)\./.test(file) },
		// Relative URLs let the same build be served from any folder (a GitHub project page's
		// /repo/ as well as a host's root); BASE_PATH pins one instead (scripts/base-path.js,
		// README, Deploy).
		paths: sitePaths(basePath(process.env.BASE_PATH)),
		// Nothing leaves the machine, and nothing but the app's own code runs: every page gets
		// this policy as a <meta> tag (a static host need not send a header), with the hash of
		// SvelteKit's one inline start-up script. 'wasm-unsafe-eval' lets DuckDB and
		// parquet-wasm compile their wasm; blob: workers are DuckDB's (engine-worker.ts: a blob
		// wrapping its same-origin script); inline styles are Svelte's and Observable Plot's
		// style attributes. frame-ancestors cannot be set from a meta tag: see README, Deploy.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
