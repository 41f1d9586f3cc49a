import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { offlineDuckDB } from './scripts/offline-duckdb-plugin';

export default defineConfig({
	plugins: [sveltekit(), offlineDuckDB()],
	worker: { format: 'es' },
	build: {
		// The DuckDB wasm (34 MB) is an asset loaded lazily; it is never inlined.
		assetsInlineLimit: 4096,
		chunkSizeWarningLimit: 1500
	},
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
