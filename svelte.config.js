import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// The whole app prerenders to static files; there is no server.
		adapter: adapter({ fallback: undefined, strict: true }),
		alias: { $workers: 'workers' },
		// Relative asset paths let the site be served from any sub-path.
		paths: { relative: true }
	}
};

export default config;
