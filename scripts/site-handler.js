// The request handler that serves the built static site from a folder: used by `npm start`
// (scripts/serve.js) and by headless runs (scripts/notebook/serve-site.ts). Plain JavaScript
// so that `node scripts/serve.js` needs no build step.
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';

// What the site ships; `.wasm` must be application/wasm for streaming compilation.
/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.md': 'text/markdown; charset=utf-8',
	'.gz': 'application/gzip',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json'
};

/**
 * `base`: the folder the site is served from (`/cin` serves it at /cin/, as a GitHub project
 * page is); any other path is not found. Default: the root.
 * @param {string} root absolute path of the built site
 * @param {{ onMissing?: (url: string) => void, base?: string }} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function siteHandler(root, options = {}) {
	const base = options.base ?? '';
	/** @param {string} urlPath */
	const resolve = (urlPath) => {
		const pathname = urlPath.split('?')[0];
		if (!pathname.startsWith(`${base}/`)) return null;
		const file = path.normalize(path.join(root, decodeURIComponent(pathname.slice(base.length))));
		if (!file.startsWith(root)) return null; // no escaping the site folder
		for (const candidate of [file, path.join(file, 'index.html'), `${file}.html`]) {
			if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
		}
		return null;
	};
	return (req, res) => {
		if (base && (req.url ?? '').split('?')[0] === base) {
			// As static hosts do: the folder's URL without its slash redirects to it.
			res.writeHead(301, { location: `${base}/` }).end();
			return;
		}
		const file = resolve(req.url ?? '/');
		if (!file) {
			options.onMissing?.(req.url ?? '/');
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		// Hashed assets (the 34 MB wasm among them) are cached for good, as a real deployment
		// does, so a reload measures reopening, not downloading. Everything else is revalidated,
		// service-worker.js included: the browser compares it on each visit to find a new build.
		const immutable = file.includes(`${path.sep}_app${path.sep}immutable${path.sep}`);
		res.writeHead(200, {
			'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'x-content-type-options': 'nosniff'
		});
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	};
}
