// What the service worker keeps for a visited site to open and run with no network: the page,
// its scripts and styles, the engine and the trainer's worker, parquet-wasm, the static files.
// Left out: the sample's CSV months (after a first visit the sample lives in OPFS; they are only
// read when the prebuilt store could not be copied) and the engine variant this browser will
// not load (each is ~35 MB: DuckDB-WASM runs the `eh` build where wasm exceptions exist, else `mvp`).
// The prebuilt sample store (sample-store/) is written after Vite's build and is not in its lists.

/** The built site's files as `$service-worker` lists them: paths from the site's root. */
export interface SiteFiles {
	/** Vite's output: scripts, styles, wasm and other assets under `_app/immutable/`. */
	build: readonly string[];
	/** The static folder: icons, the web app manifest. */
	files: readonly string[];
	/** The prerendered pages (the notebook's page). */
	prerendered: readonly string[];
}

/** The engine's files by variant, as Vite names them (`duckdb-eh.<hash>.wasm`, `duckdb-browser-eh.worker.<hash>.js`). */
const ENGINE_FILE = /\/duckdb-(?:browser-)?(eh|mvp|coi)(?:\.worker)?\.[\w-]+\.(?:wasm|js)$/;
/** The bundled sample's source months (`2019-Oct.csv.<hash>.gz`). */
const SAMPLE_CSV = /\.csv(?:\.[\w-]+)?(?:\.gz)?$/;

/** The paths to cache at install, in the site's order, each once. */
export function precacheUrls(site: SiteFiles, engine: { wasmExceptions: boolean }): string[] {
	const variant = engine.wasmExceptions ? 'eh' : 'mvp';
	const keep = (url: string) => {
		const match = ENGINE_FILE.exec(url);
		if (match) return match[1] === variant;
		return !SAMPLE_CSV.test(url);
	};
	return [...new Set([...site.prerendered, ...site.build, ...site.files])].filter(keep);
}
