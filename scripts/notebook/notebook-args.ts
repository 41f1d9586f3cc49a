// Command-line options of `npm run notebook -- run [notebook.md] --data <file or folder>... --out results.json`
// and `npm run notebook -- export-sql [notebook.md] --out notebook.sql`.
import { ArgCursor } from '../arg-cursor';

export type Engine = 'browser' | 'native';

export interface NotebookArgs {
	command: 'run';
	/** The notebook to import; null runs the default notebook the page shows. */
	notebook: string | null;
	/** Files and folders; none runs on the bundled sample. */
	data: string[];
	out: string;
	rows: number;
	/** browser: the built site in headless Chromium (DuckDB-WASM); native: DuckDB in this process. */
	engine: Engine;
	site: string;
	/** native: keep the database here (with its event partitions beside it) instead of a temp dir. */
	db: string | null;
	/** native: DuckDB's threads; null: every core. */
	threads: number | null;
	timeoutMs: number;
	quiet: boolean;
}

export interface ExportSqlArgs {
	command: 'export-sql';
	notebook: string | null;
	out: string;
	/** A store database (from `run --engine native --db`): its event partitions are attached first. */
	db: string | null;
}

export interface CompareArgs {
	command: 'compare';
	/** Two results JSON files of the same notebook on the same files. */
	results: [string, string];
	/** The notebook they ran (which cells' row order counts); null: the default notebook. */
	notebook: string | null;
	/** Significant digits numbers are compared to. */
	digits: number;
}

export const NOTEBOOK_USAGE = `npm run notebook -- run [notebook.md] --data <file or folder>... --out results.json [options]
  notebook.md        notebook to import (default: the page's default notebook)
  --data PATH...     event-log files (.csv, .csv.gz, .parquet) or folders of them;
                     repeatable; none: the bundled sample
  --out FILE         where to write the results JSON (default results.json)
  --rows N           rows kept per cell (default 1000)
  --engine E         browser (default): the built site in headless Chromium, DuckDB-WASM;
                     native: DuckDB in Node, every core, spilling to a temp directory
  --site DIR         browser: the built site (default build)
  --db FILE          native: keep the store database in FILE (a new file) instead of a temp dir
  --threads N        native: DuckDB threads (default: every core)
  --timeout S        browser: give up after S seconds (default 86400)
  --quiet            no progress lines

npm run notebook -- export-sql [notebook.md] --out notebook.sql [--db store.duckdb]
  writes the notebook's SQL cells as one DuckDB script: duckdb store.duckdb < notebook.sql
  --db FILE          a store database made by run --engine native --db FILE: the script
                     attaches its event partitions (paths as given, relative to where duckdb runs)

npm run notebook -- compare a.json b.json [--notebook notebook.md] [--digits 6]
  compares two runs of the notebook cell by cell (status, rows, columns, a checksum of the rows,
  order-insensitive where the cell has no ORDER BY, numbers to --digits significant digits)`;

export function parseNotebookArgs(argv: readonly string[]): NotebookArgs | ExportSqlArgs | CompareArgs {
	const args = new ArgCursor(argv, 1);
	const command = args.at(0);
	if (command === '--help' || command === '-h') throw new Error(NOTEBOOK_USAGE);
	if (command === 'export-sql') return parseExportArgs(args);
	if (command === 'compare') return parseCompareArgs(args);
	if (command !== 'run') throw new Error(`unknown command: ${command ?? '(none)'}\n${NOTEBOOK_USAGE}`);
	const a: NotebookArgs = {
		command: 'run',
		notebook: null,
		data: [],
		out: 'results.json',
		rows: 1000,
		engine: 'browser',
		site: 'build',
		db: null,
		threads: null,
		timeoutMs: 86_400_000,
		quiet: false
	};
	const value = () => args.value();
	const count = (min: number) => args.number((n) => Number.isInteger(n) && n >= min);
	const given = new Set<string>();
	for (const flag of args.flags()) {
		given.add(flag);
		switch (flag) {
			case '--data': a.data.push(...args.values()); break; // `--data a b c`: each a path
			case '--out': a.out = value(); break;
			case '--rows': a.rows = count(0); break;
			case '--engine': a.engine = engine(value()); break;
			case '--site': a.site = value(); break;
			case '--db': a.db = value(); break;
			case '--threads': a.threads = count(1); break;
			case '--timeout': a.timeoutMs = count(1) * 1000; break;
			case '--quiet': a.quiet = true; break;
			case '--help': case '-h': throw new Error(NOTEBOOK_USAGE);
			default:
				a.notebook = notebookPath(flag, a.notebook);
		}
	}
	const wrong = a.engine === 'native' ? ['--site', '--timeout'] : ['--db', '--threads'];
	const misplaced = wrong.find((f) => given.has(f));
	if (misplaced) throw new Error(`${misplaced} is an option of --engine ${a.engine === 'native' ? 'browser' : 'native'}, not of --engine ${a.engine}`);
	return a;
}

function parseExportArgs(args: ArgCursor): ExportSqlArgs {
	const a: ExportSqlArgs = { command: 'export-sql', notebook: null, out: 'notebook.sql', db: null };
	for (const flag of args.flags()) {
		switch (flag) {
			case '--out': a.out = args.value(); break;
			case '--db': a.db = args.value(); break;
			case '--help': case '-h': throw new Error(NOTEBOOK_USAGE);
			default:
				a.notebook = notebookPath(flag, a.notebook);
		}
	}
	return a;
}

function parseCompareArgs(args: ArgCursor): CompareArgs {
	const files: string[] = [];
	let notebook: string | null = null;
	let digits = 6;
	for (const flag of args.flags()) {
		if (flag === '--notebook') notebook = args.value();
		else if (flag === '--digits') digits = args.number((n) => Number.isInteger(n) && n >= 1 && n <= 17);
		else if (flag.startsWith('-')) throw new Error(`unknown option: ${flag}\n${NOTEBOOK_USAGE}`);
		else files.push(flag);
	}
	if (files.length !== 2) throw new Error(`compare takes two results files, got ${files.length}\n${NOTEBOOK_USAGE}`);
	return { command: 'compare', results: [files[0], files[1]], notebook, digits };
}

function engine(value: string): Engine {
	if (value !== 'browser' && value !== 'native') throw new Error(`invalid --engine: ${value} (browser or native)`);
	return value;
}

function notebookPath(flag: string, previous: string | null): string {
	if (flag.startsWith('-')) throw new Error(`unknown option: ${flag}\n${NOTEBOOK_USAGE}`);
	if (previous !== null) throw new Error(`one notebook at a time: got ${previous} and ${flag}`);
	return flag;
}
