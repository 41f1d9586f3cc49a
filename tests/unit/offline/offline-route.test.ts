import { describe, expect, it } from 'vitest';
import { offlineCacheName, staleOfflineCaches } from '../../../src/lib/offline/offline-caches';
import { offlineRoute } from '../../../src/lib/offline/offline-route';

const scope = 'https://user.github.io/cin/';
const precached = new Set(['/cin/', '/cin/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm', '/cin/favicon.svg']);
const get = (url: string, mode = 'cors') => ({ method: 'GET', mode, url });

describe('how the service worker answers a request', () => {
	it('answers a cached file from the cache, whatever the request mode; cached wasm from the HTTP cache first', () => {
		expect(offlineRoute(get('https://user.github.io/cin/favicon.svg'), scope, precached)).toBe('cache-first');
		expect(offlineRoute(get('https://user.github.io/cin/favicon.svg', 'no-cors'), scope, precached)).toBe('cache-first');
		expect(offlineRoute(get('https://user.github.io/cin/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm'), scope, precached)).toBe('http-cache-first');
		expect(offlineRoute(get('https://user.github.io/cin/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm', 'same-origin'), scope, precached)).toBe('http-cache-first');
	});

	it('answers a navigation in its scope as the page (network first)', () => {
		expect(offlineRoute(get('https://user.github.io/cin/', 'navigate'), scope, precached)).toBe('page');
		expect(offlineRoute(get('https://user.github.io/cin/?x=1', 'navigate'), scope, precached)).toBe('page');
	});

	it('leaves to the browser what it did not cache, other methods, other folders and other origins', () => {
		expect(offlineRoute(get('https://user.github.io/cin/sample-store/manifest.json'), scope, precached)).toBe('browser');
		expect(offlineRoute(get('https://user.github.io/cin/_app/immutable/assets/2019-Oct.csv.DQCQjZpu.gz'), scope, precached)).toBe('browser');
		expect(offlineRoute(get('https://user.github.io/cin/favicon.svg?v=2'), scope, precached)).toBe('browser');
		expect(offlineRoute({ method: 'POST', mode: 'cors', url: 'https://user.github.io/cin/favicon.svg' }, scope, precached)).toBe('browser');
		expect(offlineRoute(get('https://user.github.io/other/', 'navigate'), scope, precached)).toBe('browser');
		expect(offlineRoute(get('https://user.github.io/cin-other/favicon.svg'), scope, precached)).toBe('browser');
		expect(offlineRoute(get('https://example.com/cin/favicon.svg'), scope, precached)).toBe('browser');
	});
});

describe('the caches of builds', () => {
	it('names a cache after the build and deletes every other build\'s, never a cache it did not make', () => {
		expect(offlineCacheName('1733570000000')).toBe('cin-offline-1733570000000');
		expect(staleOfflineCaches(['cin-offline-1', 'cin-offline-2', 'someone-else', 'cin-offline-3'], '2')).toEqual(['cin-offline-1', 'cin-offline-3']);
		expect(staleOfflineCaches(['cin-offline-2'], '2')).toEqual([]);
	});
});
