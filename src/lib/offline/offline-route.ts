// How the service worker answers a request. Cached files come from the cache first (they are
// named by content hash, or belong to this build's version). Cached wasm (the engine,
// parquet-wasm) comes from the browser's HTTP cache first when it still holds it, then from
// the worker's cache: Chrome keeps V8's compiled code beside the entry a module was compiled
// from, and the HTTP cache entry's code is the one the first visit made and that survives a
// deployment which did not change the file. The page itself comes from the network first, so a
// new deployment shows on the next load as it does without a worker, and from this build's
// cache when the network fails. Everything else (the prebuilt sample's files, the sample's CSV,
// other builds' files, other origins) is left to the browser.

export type OfflineRoute = 'cache-first' | 'http-cache-first' | 'page' | 'browser';

export interface RequestLike {
	method: string;
	mode: string;
	url: string;
}

/** `scope`: the worker's scope URL (ends with `/`); `precached`: the cached paths. */
export function offlineRoute(request: RequestLike, scope: string, precached: ReadonlySet<string>): OfflineRoute {
	if (request.method !== 'GET' || !request.url.startsWith(scope)) return 'browser';
	if (request.mode === 'navigate') return 'page';
	const url = new URL(request.url);
	if (url.search !== '' || !precached.has(url.pathname)) return 'browser';
	return url.pathname.endsWith('.wasm') ? 'http-cache-first' : 'cache-first';
}
