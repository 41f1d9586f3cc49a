#!/usr/bin/env node
// Serves the built static site (build/) on 127.0.0.1. No dependencies: the site is plain files.
// Usage: node scripts/serve.js [--port 4173] [--dir build]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = path.resolve(option('dir', path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build')));
const port = Number(option('port', process.env.PORT ?? 4173));
const host = '127.0.0.1';

if (!existsSync(path.join(root, 'index.html'))) {
	console.error(`No built site in ${root}: run "npm run build" first.`);
	process.exit(1);
}

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm', // required for streaming compilation
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.md': 'text/markdown; charset=utf-8',
	'.gz': 'application/gzip',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json'
};

function resolveFile(urlPath) {
	const clean = decodeURIComponent(urlPath.split('?')[0]);
	const file = path.normalize(path.join(root, clean));
	if (!file.startsWith(root)) return null; // no escaping the site folder
	for (const candidate of [file, path.join(file, 'index.html'), `${file}.html`]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

const server = createServer((req, res) => {
	const file = resolveFile(req.url ?? '/');
	if (!file) {
		console.warn(`404 ${req.url}`);
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('not found');
		return;
	}
	const immutable = file.includes(`${path.sep}_app${path.sep}immutable${path.sep}`);
	res.writeHead(200, {
		'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
		'content-length': statSync(file).size,
		'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		'x-content-type-options': 'nosniff'
	});
	if (req.method === 'HEAD') return res.end();
	createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
	console.log(`Customer Intelligence Notebook: http://${host}:${port}/`);
});
