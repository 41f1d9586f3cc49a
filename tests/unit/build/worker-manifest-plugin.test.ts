// A real Vite build of a page that starts a module worker, as the app starts its trainer: the
// build manifest (which SvelteKit turns into the service worker's file list) must name it.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Manifest } from 'vite';
import { describe, expect, it } from 'vitest';
import { workersInManifest } from '../../../scripts/worker-manifest-plugin';

async function buildPage(plugins: ReturnType<typeof workersInManifest>[]): Promise<{ manifest: Manifest; workerFile: string }> {
	const root = mkdtempSync(path.join(tmpdir(), 'cin-workers-'));
	mkdirSync(path.join(root, 'src'));
	writeFileSync(path.join(root, 'src', 'train.worker.ts'), 'self.onmessage = (e) => self.postMessage(e.data * 2);\n');
	writeFileSync(path.join(root, 'src', 'main.ts'), "export const start = () => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });\n");
	await build({
		root,
		configFile: false,
		logLevel: 'silent',
		plugins,
		worker: { format: 'es', rollupOptions: { output: { entryFileNames: 'workers/[name]-[hash].js' } } },
		build: { manifest: true, outDir: path.join(root, 'out'), lib: false, rollupOptions: { input: path.join(root, 'src', 'main.ts'), preserveEntrySignatures: 'exports-only' } }
	});
	const manifest: Manifest = JSON.parse(readFileSync(path.join(root, 'out', '.vite', 'manifest.json'), 'utf8'));
	const entry = manifest['src/main.ts'];
	const code = readFileSync(path.join(root, 'out', entry.file), 'utf8');
	const workerFile = /workers\/train\.worker-[\w-]+\.js/.exec(code)?.[0] ?? '';
	return { manifest, workerFile };
}

describe('worker files in the build manifest', () => {
	it('names the worker as an asset of the chunk that starts it', async () => {
		const { manifest, workerFile } = await buildPage([workersInManifest()]);
		expect(workerFile).not.toBe('');
		expect(manifest['src/main.ts'].assets).toEqual([workerFile]);
	}, 60_000);

	it('is needed: Vite alone leaves the worker out', async () => {
		const { manifest, workerFile } = await buildPage([]);
		expect(workerFile).not.toBe('');
		expect(JSON.stringify(manifest)).not.toContain(workerFile);
	}, 60_000);
});
