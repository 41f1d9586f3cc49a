// Builds the bundled sample's store ahead of time by doing exactly what a first visit without it
// does: the built site, in headless Chromium with a fresh profile, ingests the sample's CSV into
// OPFS and runs the default notebook (the page's own code, engine and checkpoints). Then the
// page is left, so DuckDB lets go of its files, and what the visit left behind is read back out:
// every OPFS file of the sample's database (gzipped in the page) and the output snapshot from
// IndexedDB. DuckDB-WASM's Node build cannot write a database file another engine can open (its
// checkpoints never update the file's header), so the browser is the one engine that can.
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseFileName, SAMPLE_ID } from '../../src/lib/datasets/dataset-info';
import { PREBUILT_SAMPLE_DIR, PREBUILT_SAMPLE_MANIFEST, type PrebuiltSampleManifest } from '../../src/lib/datasets/prebuilt-sample-manifest';
import { isOutputSnapshot, snapshotToJson } from '../../src/lib/runtime';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import type { CinWindow } from '../notebook/headless-page';
import { serveSite } from '../notebook/serve-site';

export interface BuildSampleStoreOptions {
	/** The built site (without a prebuilt sample: this builds it). */
	siteDir: string;
	/** Folder written: the database files (gzip), the snapshot, the manifest. Replaced whole. */
	outDir: string;
	/** Recorded in the manifest: what the store was built from. */
	inputs: string;
	log?: (line: string) => void;
}

const TIMEOUT_MS = 600_000;

export async function buildSampleStore(options: BuildSampleStoreOptions): Promise<PrebuiltSampleManifest> {
	const log = options.log ?? (() => {});
	const site = await serveSite(options.siteDir);
	const profile = mkdtempSync(path.join(tmpdir(), 'cin-sample-store-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
	try {
		// A site built before may still hold an older prebuilt sample: the visit must ingest.
		await context.route(`**/${PREBUILT_SAMPLE_DIR}/**`, (route) => route.fulfill({ status: 404, body: 'not while building it' }));
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(TIMEOUT_MS);
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		const started = performance.now();
		await page.goto(site.url);
		await page.waitForFunction(() => 'cin' in window);
		await page.evaluate((ms) => (window as unknown as CinWindow).cin.idle(ms), TIMEOUT_MS);
		const cells = await page.evaluate(() => (window as unknown as CinWindow).cin.cells(0));
		const failed = cells.filter((c) => c.kind !== 'markdown' && c.status !== 'done').map((c) => `${c.name}: ${c.status} ${c.error ?? ''}`);
		// A sample whose notebook fails would ship the failure: refuse to build instead.
		if (failed.length) throw new Error(`the default notebook did not finish on the sample:\n${failed.join('\n')}`);
		const [dataset, engine] = await page.evaluate(() => [(window as unknown as CinWindow).cin.dataset(), (window as unknown as CinWindow).cin.engine()] as const);
		if (dataset?.id !== SAMPLE_ID || !engine.persistent) throw new Error(`the visit did not leave the sample in OPFS (dataset ${dataset?.id ?? 'none'}, persistent ${engine.persistent})`);
		const duckdb = String((await page.evaluate(() => (window as unknown as CinWindow).cin.query('SELECT version()'))).rows[0][0]);
		const notebookId = await page.evaluate(() => (window as unknown as CinWindow).cin.notebook().id);
		const snapshot: unknown = await page.evaluate(readSnapshot, [SAMPLE_ID, notebookId] as [string, string]);
		if (!isOutputSnapshot(snapshot)) throw new Error('the visit saved no output snapshot');
		log(`ingested the sample and ran ${cells.length} cells in ${Math.round(performance.now() - started)} ms (${duckdb})`);

		// Away from the app (a plain file of the same origin): its workers end and release the files.
		await page.goto(new URL('favicon.svg', site.url).href);
		const files = await page.evaluate(readDatabaseFiles, databaseFileName(SAMPLE_ID).replace(/\.duckdb$/, '.'));
		if (!files.some((f) => f.name === databaseFileName(SAMPLE_ID))) throw new Error('the sample database is not in OPFS');
		if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);

		rmSync(options.outDir, { recursive: true, force: true });
		mkdirSync(options.outDir, { recursive: true });
		for (const f of files) writeFileSync(path.join(options.outDir, `${f.name}.gz`), Buffer.from(f.gzipBase64, 'base64'));
		const snapshotFile = 'snapshot.json';
		writeFileSync(path.join(options.outDir, snapshotFile), snapshotToJson(snapshot));
		const manifest: PrebuiltSampleManifest = {
			version: 1,
			inputs: options.inputs,
			files: files.map((f) => ({ name: f.name, path: `${f.name}.gz`, bytes: f.bytes })),
			snapshot: snapshotFile
		};
		// The manifest last: a folder with a manifest is complete.
		writeFileSync(path.join(options.outDir, PREBUILT_SAMPLE_MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
		return manifest;
	} finally {
		await context.close();
		await site.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

// In the page: the open notebook's output snapshot of the dataset as IndexedDB holds it, keyed
// [datasetId, notebookId] (Playwright carries Dates and non-finite numbers across).
function readSnapshot(key: [string, string]): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('cin-output-snapshots', 1);
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const get = open.result.transaction('snapshots').objectStore('snapshots').get(key);
			get.onerror = () => reject(get.error);
			get.onsuccess = () => resolve(get.result ?? null);
		};
	});
}

// In the page: every OPFS root file whose name starts with `prefix` (a database, its companions
// and WALs), gzipped by the browser, as base64.
async function readDatabaseFiles(prefix: string): Promise<{ name: string; bytes: number; gzipBase64: string }[]> {
	const dir = await navigator.storage.getDirectory();
	const found: { name: string; bytes: number; gzipBase64: string }[] = [];
	for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
		if (!name.startsWith(prefix) || handle.kind !== 'file') continue;
		// DuckDB's worker may hold the file a moment after the page is gone.
		let file: File | null = null;
		for (let attempt = 0; file === null; attempt++) {
			try {
				file = await (handle as FileSystemFileHandle).getFile();
			} catch (error) {
				if (attempt > 50) throw error;
				await new Promise((r) => setTimeout(r, 100));
			}
		}
		const gzip = new Uint8Array(await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
		let binary = '';
		for (let i = 0; i < gzip.length; i += 0x8000) binary += String.fromCharCode(...gzip.subarray(i, i + 0x8000));
		found.push({ name, bytes: file.size, gzipBase64: btoa(binary) });
	}
	return found.sort((a, b) => a.name.localeCompare(b.name));
}
