// DuckDB's wasm carries URLs of outside hosts: its default extension repositories
// (https://extensions.duckdb.org and friends) and a CDN stylesheet in the EXPLAIN (FORMAT HTML)
// template. We never install extensions (autoinstall/autoload are off) nor render that HTML, and
// the built site must not name any outside host, so these URLs are overwritten in the emitted
// wasm with inert `file:///` placeholders of the same byte length (offsets inside the binary
// must not move). An extension install that slipped through would then fail locally, at once.
import type { Plugin } from 'vite';

const OUTSIDE_URL = /https?:\/\/(?:[a-z-]*extensions\.duckdb\.org|unpkg\.com\/[^"' <>]*|cdn\.jsdelivr\.net\/[^"' <>]*)/g;

export function neutraliseOutsideUrls(bytes: Uint8Array): { bytes: Uint8Array; replaced: number } {
	// latin1 maps bytes 1:1 to chars, so string indices are byte offsets.
	const text = Buffer.from(bytes).toString('latin1');
	let replaced = 0;
	const patched = text.replace(OUTSIDE_URL, (url) => {
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
				const { bytes, replaced } = neutraliseOutsideUrls(source);
				if (replaced === 0) this.warn(`${asset.fileName}: no outside URL found to neutralise`);
				asset.source = bytes;
			}
		}
	};
}
