// The service worker's caches: one per build, named after the build's version, so a new
// deployment fills its own cache beside the old one and never mixes files of two builds.

const PREFIX = 'cin-offline-';

export function offlineCacheName(version: string): string {
	return `${PREFIX}${version}`;
}

/** The caches of other builds, to delete once this build's worker is active. Caches the app
 *  did not make (other names) are left alone. */
export function staleOfflineCaches(names: readonly string[], version: string): string[] {
	const current = offlineCacheName(version);
	return names.filter((name) => name.startsWith(PREFIX) && name !== current);
}
