// The built static site on 127.0.0.1 at a port the OS picks, inside this process: headless runs
// need no second server process and never collide with a dev server or another run's port.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { siteHandler } from '../site-handler.js';

export interface SiteServer {
	url: string;
	close(): Promise<void>;
}

/** `port`: 0 lets the OS pick one; a fixed port when the run must stay within given ports.
 *  `base`: the folder to serve the site from (`/cin`: at /cin/); default the root. */
export async function serveSite(dir: string, port = 0, base = ''): Promise<SiteServer> {
	const root = path.resolve(dir);
	if (!existsSync(path.join(root, 'index.html'))) {
		throw new Error(`no built site in ${root}: run "npm run build" first`);
	}
	const server: Server = createServer(siteHandler(root, { base }));
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => ok());
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${address.port}${base}/`,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}
