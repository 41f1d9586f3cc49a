// Command-line options of `npm run notebook -- run [notebook.md] --data <file or folder>... --out results.json`.
import { ArgCursor } from '../arg-cursor';

export interface NotebookArgs {
	/** The notebook to import; null runs the default notebook the page shows. */
	notebook: string | null;
	/** Files and folders; none runs on the bundled sample. */
	data: string[];
	out: string;
	rows: number;
	site: string;
	timeoutMs: number;
	quiet: boolean;
}

export const NOTEBOOK_USAGE = `npm run notebook -- run [notebook.md] --data <file or folder>... --out results.json [options]
  notebook.md        notebook to import (default: the page's default notebook)
  --data PATH...     event-log files (.csv, .csv.gz, .parquet) or folders of them;
                     repeatable; none: the bundled sample
  --out FILE         where to write the results JSON (default results.json)
  --rows N           rows kept per cell (default 1000)
  --site DIR         the built site (default build)
  --timeout S        give up after S seconds (default 86400)
  --quiet            no progress lines`;

export function parseNotebookArgs(argv: readonly string[]): NotebookArgs {
	const args = new ArgCursor(argv, 1);
	const command = args.at(0);
	if (command === '--help' || command === '-h') throw new Error(NOTEBOOK_USAGE);
	if (command !== 'run') throw new Error(`unknown command: ${command ?? '(none)'}\n${NOTEBOOK_USAGE}`);
	const a: NotebookArgs = { notebook: null, data: [], out: 'results.json', rows: 1000, site: 'build', timeoutMs: 86_400_000, quiet: false };
	const value = () => args.value();
	const count = (min: number) => args.number((n) => Number.isInteger(n) && n >= min);
	for (const flag of args.flags()) {
		switch (flag) {
			case '--data': a.data.push(...args.values()); break; // `--data a b c`: each a path
			case '--out': a.out = value(); break;
			case '--rows': a.rows = count(0); break;
			case '--site': a.site = value(); break;
			case '--timeout': a.timeoutMs = count(1) * 1000; break;
			case '--quiet': a.quiet = true; break;
			case '--help': case '-h': throw new Error(NOTEBOOK_USAGE);
			default:
				if (flag.startsWith('-')) throw new Error(`unknown option: ${flag}\n${NOTEBOOK_USAGE}`);
				if (a.notebook !== null) throw new Error(`one notebook at a time: got ${a.notebook} and ${flag}`);
				a.notebook = flag;
		}
	}
	return a;
}
