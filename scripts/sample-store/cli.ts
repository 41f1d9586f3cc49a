// `npm run sample-store [-- --force] [--site build]`: puts the prebuilt sample store
// (build-sample-store.ts) into the built site's `sample-store/` folder. `npm run build` runs it
// after `vite build`. The store is kept in .tmp/sample-store/ and reused while everything it is
// made from (the sample, the app's source, the locked packages) is unchanged. Without the folder
// the site still works: a first visit then ingests the sample's CSV. So a machine without
// Chromium still builds a working site, with a warning.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isPrebuiltSampleManifest, PREBUILT_SAMPLE_DIR, PREBUILT_SAMPLE_MANIFEST } from '../../src/lib/datasets/prebuilt-sample-manifest';
import { CHROMIUM_PATH } from '../chromium';
import { buildSampleStore } from './build-sample-store';
import { inputHash } from './input-hash';

const root = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const force = args.includes('--force');
const siteArg = args.indexOf('--site');
const siteDir = path.resolve(root, siteArg >= 0 && args[siteArg + 1] ? args[siteArg + 1] : 'build');
const cacheDir = path.join(root, '.tmp', PREBUILT_SAMPLE_DIR);

function cachedInputs(): string | null {
	const file = path.join(cacheDir, PREBUILT_SAMPLE_MANIFEST);
	if (!existsSync(file)) return null;
	try {
		const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
		return isPrebuiltSampleManifest(manifest) ? manifest.inputs : null;
	} catch {
		return null;
	}
}

try {
	const inputs = inputHash(root, ['sample-data', 'src', 'workers', 'scripts/sample-store', 'package-lock.json', 'svelte.config.js', 'vite.config.ts']);
	if (!force && cachedInputs() === inputs) {
		console.log(`sample store: reused (built from the same inputs, ${inputs})`);
	} else if (!existsSync(CHROMIUM_PATH)) {
		// The site works without it (a first visit ingests the sample's CSV): say so and go on.
		console.warn(`sample store: skipped: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install chromium); the site will ingest the sample on a first visit instead`);
		process.exit(0);
	} else {
		const started = performance.now();
		const manifest = await buildSampleStore({ siteDir, outDir: cacheDir, inputs, log: (l) => console.log(`sample store: ${l}`) });
		const mib = (n: number) => (n / 2 ** 20).toFixed(1);
		console.log(
			`sample store: built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${manifest.files.length} files, ${mib(manifest.files.reduce((n, f) => n + f.bytes, 0))} MiB`
		);
	}
	const target = path.join(siteDir, PREBUILT_SAMPLE_DIR);
	rmSync(target, { recursive: true, force: true });
	cpSync(cacheDir, target, { recursive: true });
	console.log(`sample store: copied into ${path.relative(root, target)}/`);
} catch (error) {
	console.error(`sample store: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exit(1);
}
