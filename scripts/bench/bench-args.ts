// Command-line options of `npm run bench -- --scale S [--only ingest|facts|queries] [--out bench/report.json]`.
import { SELECTIONS, type Selection } from './bench-step';
import { ArgCursor } from '../arg-cursor';

export interface BenchArgs {
	scale: number | null;
	seed: number;
	only: Selection | null;
	out: string;
	repeat: number;
	dataDir: string;
	/** Files or folders to use instead of generated data. */
	data: string[];
	/** A notebook file to measure instead of the default notebook. */
	notebook: string | null;
	browser: boolean;
	native: boolean;
	/** Also run DuckDB-WASM's Node build: the engine's share of the browser's ratio. */
	wasmNode: boolean;
	/** V8 flags for the browser half (an experiment, not what users run). */
	jsFlags: string | null;
	site: string;
	quiet: boolean;
}

export const BENCH_USAGE = `npm run bench -- --scale S [options]
  --scale S          generator scale: 1.0 ≈ 109.95M rows, 0.01 ≈ 1.1M
  --seed N           generator seed (default 42)
  --only STEP        ${SELECTIONS.join(' | ')}: measure only this (and run what it needs)
  --out FILE         JSON report (default bench/report.json); Markdown beside it (.md)
  --repeat R         runs of queries, inputs and reopen; medians reported (default 3)
  --data-dir DIR     cache of generated data (default bench/data)
  --data PATH...     benchmark these files or folders instead of generated data
  --notebook FILE    measure this notebook instead of the default one
  --no-browser       native DuckDB only
  --no-native        browser only
  --wasm-node        also run DuckDB-WASM's Node build (the page's engine without the page)
  --js-flags FLAGS   V8 flags for the browser half, e.g. --no-wasm-dynamic-tiering (experiments)
  --site DIR         the built site (default build)
  --quiet            no progress lines`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
	const a: BenchArgs = {
		scale: null,
		seed: 42,
		only: null,
		out: 'bench/report.json',
		repeat: 3,
		dataDir: 'bench/data',
		data: [],
		notebook: null,
		browser: true,
		native: true,
		wasmNode: false,
		jsFlags: null,
		site: 'build',
		quiet: false
	};
	const args = new ArgCursor(argv);
	const number = (check: (n: number) => boolean) => args.number(check);
	const value = () => args.value();
	for (const flag of args.flags()) {
		switch (flag) {
			case '--scale': a.scale = number((n) => n > 0 && n <= 10); break;
			case '--seed': a.seed = number(Number.isInteger); break;
			case '--only': {
				const v = value();
				if (!(SELECTIONS as readonly string[]).includes(v)) throw new Error(`invalid --only: ${v} (allowed: ${SELECTIONS.join(', ')})`);
				a.only = v as Selection;
				break;
			}
			case '--out': a.out = value(); break;
			case '--repeat': a.repeat = number((n) => Number.isInteger(n) && n >= 1); break;
			case '--data-dir': a.dataDir = value(); break;
			case '--data': a.data.push(...args.values()); break;
			case '--notebook': a.notebook = value(); break;
			case '--no-browser': a.browser = false; break;
			case '--no-native': a.native = false; break;
			case '--wasm-node': a.wasmNode = true; break;
			case '--js-flags': a.jsFlags = args.verbatim(); break;
			case '--site': a.site = value(); break;
			case '--quiet': a.quiet = true; break;
			case '--help': case '-h': throw new Error(BENCH_USAGE);
			default: throw new Error(`unknown option: ${flag}\n${BENCH_USAGE}`);
		}
	}
	if (a.scale === null && a.data.length === 0) throw new Error(`--scale or --data is required\n${BENCH_USAGE}`);
	if (a.scale !== null && a.data.length > 0) throw new Error('--scale and --data exclude each other');
	if (!a.browser && !a.native) throw new Error('--no-browser and --no-native leave nothing to measure');
	return a;
}
