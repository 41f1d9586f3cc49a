import type { Measurement } from './bench-step';

/** What one engine's half of the benchmark produced. */
export interface EngineRun {
	/** wasm-node: DuckDB-WASM's Node build, the page's engine without the page. */
	engine: 'browser' | 'native' | 'wasm-node';
	threads: number | null;
	/** e.g. `DuckDB-WASM v1.4.3 in Chromium 156.0.…`, `DuckDB v1.5.6`, `DuckDB-WASM v1.4.3`. */
	version: string;
	measurements: Measurement[];
	/** Events in the store after the ingest, if it ran. */
	rows: number | null;
	/** Browser: the renderer; native: this Node process. */
	peakRssMiB: number | null;
	/** Browser: all Chromium processes together. */
	peakTotalRssMiB: number | null;
	wallMs: number;
}
