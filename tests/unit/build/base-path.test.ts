import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePath } from '../../../scripts/base-path.js';
import { siteHandler } from '../../../scripts/site-handler.js';

describe('BASE_PATH', () => {
	it('is the folder the site is served from, or nothing for relative URLs', () => {
		expect(basePath(undefined)).toBe('');
		expect(basePath('')).toBe('');
		expect(basePath('/')).toBe('');
		expect(basePath('/cin')).toBe('/cin');
		expect(basePath(' /user/my-repo.v2 ')).toBe('/user/my-repo.v2');
	});

	it('refuses what is not a folder path, saying how to write one', () => {
		for (const bad of ['cin', '/cin/', 'https://user.github.io/cin', '/c in', '/cin//x']) {
			expect(() => basePath(bad)).toThrow(`BASE_PATH=${JSON.stringify(bad)} is not a folder path: use the path the site is served from, starting with "/" and without a trailing "/"`);
		}
	});
});

describe('the static server from a sub-path', () => {
	let server: Server;
	let origin: string;
	beforeAll(async () => {
		const root = mkdtempSync(path.join(tmpdir(), 'cin-site-'));
		mkdirSync(path.join(root, '_app', 'immutable', 'assets'), { recursive: true });
		writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>page</title>');
		writeFileSync(path.join(root, 'service-worker.js'), 'self.x = 1;');
		writeFileSync(path.join(root, 'manifest.webmanifest'), '{}');
		writeFileSync(path.join(root, '_app', 'immutable', 'assets', 'engine.a1.wasm'), new Uint8Array([0, 97, 115, 109]));
		server = createServer(siteHandler(root, { base: '/cin' }));
		await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

	it('serves the site under the folder only, and redirects the folder without its slash', async () => {
		const page = await fetch(`${origin}/cin/`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('<title>page</title>');
		expect((await fetch(`${origin}/`)).status).toBe(404);
		expect((await fetch(`${origin}/index.html`)).status).toBe(404);
		expect((await fetch(`${origin}/cinx/`)).status).toBe(404);
		const bare = await fetch(`${origin}/cin`, { redirect: 'manual' });
		expect(bare.status).toBe(301);
		expect(bare.headers.get('location')).toBe('/cin/');
	});

	it('sends the service worker revalidated as JavaScript, the manifest and wasm with their types, hashed files for good', async () => {
		const worker = await fetch(`${origin}/cin/service-worker.js`);
		expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(worker.headers.get('cache-control')).toBe('no-cache');
		expect((await fetch(`${origin}/cin/manifest.webmanifest`)).headers.get('content-type')).toBe('application/manifest+json');
		const wasm = await fetch(`${origin}/cin/_app/immutable/assets/engine.a1.wasm`);
		expect(wasm.headers.get('content-type')).toBe('application/wasm');
		expect(wasm.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
	});
});
