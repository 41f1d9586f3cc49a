// DuckDB's wasm carries its default extension repositories (https://extensions.duckdb.org and
// friends). We never install extensions (autoinstall/autoload are off), and the built site
// must not name any outside host, so the URLs are overwritten in the emitted wasm with inert
// `file:///` placeholders of the same byte length (string offsets inside the binary must not
// move). Any extension install that slipped through would then fail locally, at once.
import type { Plugin } from 'vite';

const EXTENSION_HOST = /https?:\/\/[a-z-]*extensions\.duckdb\.org/g;

export function neutraliseExtensionHosts(bytes: Uint8Array): { bytes: Uint8Array; replaced: number } {
	// latin1 maps bytes 1:1 to chars, so string indices are byte offsets.
	const text = Buffer.from(bytes).toString('latin1');
	let replaced = 0;
	const patched = text.replace(EXTENSION_HOST, (url) => {
		replaced++;
		return `file:///no-extensions${'_'.repeat(url.length)}`.slice(0, url.length);
	});
	return { bytes: replaced ? new Uint8Array(Buffer.from(patched, 'latin1')) : bytes, replaced };
}

export function offlineDuckDB(): Plugin {
	return {
		name: 'offline-duckdb',
		apply: 'build',
		generateBundle(_, bundle) {
			for (const asset of Object.values(bundle)) {
				if (asset.type !== 'asset' || !/duckdb-(eh|mvp|coi).*\.wasm$/.test(asset.fileName)) continue;
				const source = typeof asset.source === 'string' ? new TextEncoder().encode(asset.source) : asset.source;
				const { bytes, replaced } = neutraliseExtensionHosts(source);
				if (replaced === 0) this.warn(`${asset.fileName}: no extension host found to neutralise`);
				asset.source = bytes;
			}
		}
	};
}
