// Vite writes a module worker (`new Worker(new URL('…worker.ts', import.meta.url))`) as a file
// of its own but leaves it out of the build manifest, from which SvelteKit lists the build's
// files for the service worker (`$service-worker`'s `build`). The trainer's worker would then
// not be cached, and a model could not train offline. This plugin records each worker file as
// an asset of the chunks that load it, so the manifest, and the service worker's list, name it.
import path from 'node:path';
import type { Plugin } from 'vite';

export function workersInManifest(): Plugin {
	return {
		name: 'workers-in-manifest',
		apply: 'build',
		// After Vite's worker plugin has emitted the worker files, before its manifest is written.
		enforce: 'post',
		generateBundle(_, bundle) {
			const files = Object.values(bundle);
			const workers = files.filter((file) => file.type === 'asset' && /(^|\/)workers\//.test(file.fileName)).map((file) => file.fileName);
			for (const chunk of files) {
				if (chunk.type !== 'chunk' || !chunk.viteMetadata) continue;
				for (const worker of workers) {
					if (chunk.code.includes(path.posix.basename(worker))) chunk.viteMetadata.importedAssets.add(worker);
				}
			}
		}
	};
}
