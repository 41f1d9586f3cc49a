// The folder of the host the site is deployed to, from `BASE_PATH` (e.g. `/repo` for a GitHub
// project page at https://user.github.io/repo/), read by svelte.config.js as `paths.base`.
// Plain JavaScript: svelte.config.js imports it as it is.
//
// Unset, the build uses relative URLs only and runs from any folder, the root included. Set,
// every URL the build writes (scripts, styles, wasm, workers, the manifest) starts with it: the
// build then runs from that folder only, also where a host answers a deeper URL with the page.

/**
 * `''` when unset or `/`; else the path, which must start with `/` and not end with one.
 * @param {string | undefined} value
 * @returns {string}
 */
export function basePath(value) {
	const text = (value ?? '').trim();
	if (text === '' || text === '/') return '';
	if (!/^\/[\w.~-]+(\/[\w.~-]+)*$/.test(text)) {
		throw new Error(
			`BASE_PATH=${JSON.stringify(value)} is not a folder path: use the path the site is served from, starting with "/" and without a trailing "/" (e.g. BASE_PATH=/repo for https://user.github.io/repo/), or leave it unset to build with relative URLs.`
		);
	}
	return text;
}
