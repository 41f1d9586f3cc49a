// Fills this build's cache at the service worker's install. A file named by content hash
// (under `_app/immutable/`) that an earlier build's cache already holds is copied from there:
// a deployment that did not change DuckDB does not download its 34 MB wasm again. Every other
// file is fetched past the HTTP cache's stored copy (`no-cache`), so the page and the static
// files cached are this deployment's. Any failure rejects: the browser then discards the new
// worker (the old one, if any, keeps serving) and tries again on a later visit.

/** The parts of a service worker's globals this needs (a test passes its own). */
export interface CacheHost {
	caches: Pick<CacheStorage, 'open' | 'match'>;
	fetch(url: string, init: RequestInit): Promise<Response>;
}

/** At most this many downloads at once: a browser keeps ~6 connections per host anyway. */
const PARALLEL = 4;

export async function fillOfflineCache(host: CacheHost, cacheName: string, urls: readonly string[], immutablePrefix: string): Promise<void> {
	const cache = await host.caches.open(cacheName);
	const queue = [...urls];
	const next = async (): Promise<void> => {
		for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
			if (await cache.match(url)) continue; // an install that was interrupted and retried
			const immutable = url.startsWith(immutablePrefix);
			const earlier = immutable ? await host.caches.match(url) : undefined;
			if (earlier) {
				await cache.put(url, earlier);
				continue;
			}
			const response = await host.fetch(url, { cache: immutable ? 'default' : 'no-cache' });
			if (!response.ok) throw new Error(`could not cache ${url} for offline use (${response.status} ${response.statusText})`);
			// A redirected response cannot answer a navigation: keep its body and headers only.
			await cache.put(url, response.redirected ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers }) : response);
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, next));
}
