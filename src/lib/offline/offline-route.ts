// How the service worker answers a request. Cached files come from the cache first (they are
// named by content hash, or belong to this build's version); the page itself comes from the
// network first, so a new deployment shows on the next load as it does without a worker, and
// from this build's cache when the network fails. Everything else (the prebuilt sample's
// files, the sample's CSV, other builds' files, other origins) is left to the browser.

export type OfflineRoute = 'cache-first' | 'page' | 'browser';

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
	return url.search === '' && precached.has(url.pathname) ? 'cache-first' : 'browser';
}
