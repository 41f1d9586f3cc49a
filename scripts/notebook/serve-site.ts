// The built static site on 127.0.0.1 at a port the OS picks, inside this process: headless runs
// need no second server process and never collide with a dev server or another run's port.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface SiteServer {
	url: string;
	close(): Promise<void>;
}

// What the site ships; `.wasm` must be application/wasm for streaming compilation.
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.md': 'text/markdown; charset=utf-8',
	'.gz': 'application/gzip',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8'
};

export async function serveSite(dir: string): Promise<SiteServer> {
	const root = path.resolve(dir);
	if (!existsSync(path.join(root, 'index.html'))) {
		throw new Error(`no built site in ${root}: run "flock /tmp/cin-build.lock npx vite build" first`);
	}
	const resolve = (urlPath: string): string | null => {
		const file = path.normalize(path.join(root, decodeURIComponent(urlPath.split('?')[0])));
		if (!file.startsWith(root)) return null;
		for (const candidate of [file, path.join(file, 'index.html'), `${file}.html`]) {
			if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
		}
		return null;
	};
	const server: Server = createServer((req, res) => {
		const file = resolve(req.url ?? '/');
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		// As a real deployment (and scripts/serve.js) does: hashed assets, the 34 MB wasm among
		// them, are cached for good, so a reload measures reopening, not downloading.
		const immutable = file.includes(`${path.sep}_app${path.sep}immutable${path.sep}`);
		res.writeHead(200, {
			'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
		});
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => ok());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}
