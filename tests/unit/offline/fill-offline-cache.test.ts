// fillOfflineCache against Cache Storage's semantics, kept in memory: Node has Request and
// Response but no Cache Storage (the browser's is exercised by the e2e offline test).
import { describe, expect, it } from 'vitest';
import { fillOfflineCache, type CacheHost } from '../../../src/lib/offline/fill-offline-cache';

class MemoryCache {
	readonly entries = new Map<string, Response>();
	async match(url: RequestInfo | URL): Promise<Response | undefined> {
		return this.entries.get(String(url))?.clone();
	}
	async put(url: RequestInfo | URL, response: Response): Promise<void> {
		// As Cache Storage does: the body is read whole before the entry exists.
		const body = await response.arrayBuffer();
		this.entries.set(String(url), new Response(body, { status: response.status, headers: response.headers }));
	}
}

class MemoryCaches {
	readonly named = new Map<string, MemoryCache>();
	async open(name: string): Promise<Cache> {
		if (!this.named.has(name)) this.named.set(name, new MemoryCache());
		return this.named.get(name) as unknown as Cache;
	}
	async match(url: RequestInfo | URL): Promise<Response | undefined> {
		for (const cache of this.named.values()) {
			const found = await cache.match(url);
			if (found) return found;
		}
		return undefined;
	}
}

function site(files: Record<string, string>) {
	const caches = new MemoryCaches();
	const fetched: { url: string; cache: RequestCache | undefined }[] = [];
	const host: CacheHost = {
		caches,
		fetch: async (url, init) => {
			fetched.push({ url, cache: init.cache });
			return url in files ? new Response(files[url], { status: 200 }) : new Response('not found', { status: 404, statusText: 'Not Found' });
		}
	};
	return { caches, fetched, host };
}

const IMMUTABLE = '/cin/_app/immutable/';

describe('filling a build\'s cache at install', () => {
	it('fetches every file, the page and static files past the HTTP cache, and stores each', async () => {
		const { caches, fetched, host } = site({ '/cin/': '<html>', '/cin/_app/immutable/assets/engine.a1.wasm': 'wasm', '/cin/favicon.svg': '<svg>' });
		await fillOfflineCache(host, 'cin-offline-2', ['/cin/', '/cin/_app/immutable/assets/engine.a1.wasm', '/cin/favicon.svg'], IMMUTABLE);
		const cache = caches.named.get('cin-offline-2')!;
		expect([...cache.entries.keys()].sort()).toEqual(['/cin/', '/cin/_app/immutable/assets/engine.a1.wasm', '/cin/favicon.svg']);
		expect(await (await cache.match('/cin/_app/immutable/assets/engine.a1.wasm'))!.text()).toBe('wasm');
		expect(Object.fromEntries(fetched.map((f) => [f.url, f.cache]))).toEqual({
			'/cin/': 'no-cache',
			'/cin/_app/immutable/assets/engine.a1.wasm': 'default',
			'/cin/favicon.svg': 'no-cache'
		});
	});

	it('copies a hashed file an earlier build cached instead of downloading it, but fetches its page and static files again', async () => {
		const { caches, fetched, host } = site({ '/cin/': '<html v2>', '/cin/favicon.svg': '<svg v2>' });
		const old = await caches.open('cin-offline-1');
		await old.put('/cin/_app/immutable/assets/engine.a1.wasm', new Response('wasm'));
		await old.put('/cin/', new Response('<html v1>'));
		await old.put('/cin/favicon.svg', new Response('<svg v1>'));
		await fillOfflineCache(host, 'cin-offline-2', ['/cin/', '/cin/_app/immutable/assets/engine.a1.wasm', '/cin/favicon.svg'], IMMUTABLE);
		expect(fetched.map((f) => f.url).sort()).toEqual(['/cin/', '/cin/favicon.svg']);
		const cache = caches.named.get('cin-offline-2')!;
		expect(await (await cache.match('/cin/_app/immutable/assets/engine.a1.wasm'))!.text()).toBe('wasm');
		expect(await (await cache.match('/cin/'))!.text()).toBe('<html v2>');
	});

	it('fails, naming the file, when one cannot be fetched', async () => {
		const { host } = site({ '/cin/': '<html>' });
		await expect(fillOfflineCache(host, 'cin-offline-2', ['/cin/', '/cin/_app/immutable/chunks/gone.js'], IMMUTABLE)).rejects.toThrow(
			'could not cache /cin/_app/immutable/chunks/gone.js for offline use (404 Not Found)'
		);
	});
});
