// The service worker: a visited site opens and runs with no network. SvelteKit builds this file
// and registers it from the page (at `load`, relative to the page, so its scope is the folder
// the site is served from). At install it caches this build's files (precache-urls.ts says
// which); it answers them from that cache, the page from the network first (offline-route.ts),
// and it deletes other builds' caches once active. It does not call skipWaiting: a tab opened
// on the previous build keeps that build's worker and cache until every such tab is closed, so
// a script it loads late (parquet-wasm, the trainer) is never missing after a deployment.
//
// Chrome keeps V8's compiled code for a wasm module beside the cache entry it was compiled
// from (engine-worker.ts says why it must be compiled straight from the Response): an HTTP
// cache entry, or, for a Response a service worker answers untouched from Cache Storage, that
// entry. The engine's wasm is answered from the HTTP cache while it holds it (the first visit's
// compiled code is there, and stays across deployments that keep the file), else from this
// build's cache, whose entry then gets compiled code of its own.
import { build, files, prerendered, version } from '$service-worker';
import { fillOfflineCache } from '$lib/offline/fill-offline-cache';
import { offlineCacheName, staleOfflineCaches } from '$lib/offline/offline-caches';
import { offlineRoute } from '$lib/offline/offline-route';
import { precacheUrls } from '$lib/offline/precache-urls';
import { supportsWasmExceptions } from '$lib/offline/wasm-exceptions';

// The few service worker types used here (the project compiles against the DOM's types).
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	readonly request: Request;
	readonly preloadResponse: Promise<Response | undefined>;
	respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
	readonly registration: ServiceWorkerRegistration;
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const CACHE = offlineCacheName(version);
const scope = worker.registration.scope;
const urls = precacheUrls({ build, files, prerendered }, { wasmExceptions: supportsWasmExceptions() });
const precached = new Set(urls);
/** The notebook's page, at the scope's root. */
const page = new URL(scope).pathname;

worker.addEventListener('install', (event) => {
	event.waitUntil(fillOfflineCache({ caches, fetch: (url, init) => fetch(url, init) }, CACHE, urls, `${page}_app/immutable/`));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// The page's request starts while the worker boots, instead of after it.
			await worker.registration.navigationPreload?.enable();
			for (const name of staleOfflineCaches(await caches.keys(), version)) await caches.delete(name);
		})()
	);
});

worker.addEventListener('fetch', (event) => {
	const route = offlineRoute(event.request, scope, precached);
	if (route === 'cache-first') event.respondWith(fromCache(event.request));
	else if (route === 'http-cache-first') event.respondWith(fromHttpCacheOrCache(event.request));
	else if (route === 'page') event.respondWith(pageFromNetwork(event));
});

async function fromCache(request: Request): Promise<Response> {
	const cached = await (await caches.open(CACHE)).match(request);
	return cached ?? fetch(request);
}

/** The HTTP cache's copy, passed through as it is, without asking the network; else this build's. */
async function fromHttpCacheOrCache(request: Request): Promise<Response> {
	try {
		const stored = await fetch(request.url, { cache: 'only-if-cached', mode: 'same-origin' });
		if (stored.ok) return stored;
	} catch {
		// Not in the HTTP cache (evicted, cleared, another browser's rules): the worker's copy.
	}
	return fromCache(request);
}

/**
 * The page from the network (a new deployment shows at once); this build's copy when the
 * network fails. A page fetched from the network is not cached: it may name files of a newer
 * build that this build's cache does not hold.
 */
async function pageFromNetwork(event: FetchEvent): Promise<Response> {
	try {
		return (await event.preloadResponse) ?? (await fetch(event.request));
	} catch (error) {
		// Only the page's own URLs: its relative URLs would not resolve from a deeper one.
		const { pathname } = new URL(event.request.url);
		const cached = await (await caches.open(CACHE)).match(pathname === `${page}index.html` ? page : pathname);
		if (cached) return cached;
		throw error;
	}
}
