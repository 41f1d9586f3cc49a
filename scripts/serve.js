#!/usr/bin/env node
// Serves the built static site (build/) on 127.0.0.1. No dependencies: the site is plain files.
// Usage: node scripts/serve.js [--port 4173] [--dir build] [--base /cin]
// --base serves the site from that folder (http://127.0.0.1:4173/cin/), as a host serving it
// from a sub-path would; every other path is not found.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath } from './base-path.js';
import { siteHandler } from './site-handler.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = path.resolve(option('dir', path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build')));
const port = Number(option('port', process.env.PORT ?? 4173));
const host = '127.0.0.1';
const base = basePath(option('base', ''));

if (!existsSync(path.join(root, 'index.html'))) {
	console.error(`No built site in ${root}: run "npm run build" first.`);
	process.exit(1);
}

const server = createServer(siteHandler(root, { base, onMissing: (url) => console.warn(`404 ${url}`) }));

server.listen(port, host, () => {
	console.log(`Customer Intelligence Notebook: http://${host}:${port}${base}/`);
});
