// Command-line options of `npm run generate -- …`.

import { DEFAULT_SEED, MONTHS, type Month } from '../../src/lib/generator/index';
import { ArgCursor } from '../arg-cursor';

export type Format = 'csv' | 'parquet' | 'duckdb';

export interface Args {
	scale: number;
	seed: number;
	format: Format;
	out: string;
	gzip: boolean;
	report: boolean;
	months: Month[];
	threads?: number;
	memoryLimit: string;
	chunkRows: number;
	quiet: boolean;
}

export const SAMPLE = { scale: 0.003, seed: DEFAULT_SEED, out: 'sample-data' } as const;

export const USAGE = `npm run generate -- [options]
  --scale N          1.0 ≈ 109.95M rows (default 0.01)
  --seed N           integer seed (default ${DEFAULT_SEED})
  --format F         csv | parquet | duckdb (default csv)
  --out DIR          output directory (default ./generated)
  --gzip             write .csv.gz instead of .csv
  --months LIST      2019-10,2019-11 (default both)
  --report           print the fidelity report (target vs generated)
  --threads N        DuckDB threads (default: all cores)
  --memory-limit S   DuckDB memory limit (default 4GB)
  --chunk-rows N     rows per generation query (default 1500000)
  --sample           regenerate the committed sample: --scale ${SAMPLE.scale} --seed ${SAMPLE.seed} --gzip --out ${SAMPLE.out}
  --quiet            no progress lines`;

export function parseArgs(argv: string[]): Args {
	const a: Args = {
		scale: 0.01,
		seed: DEFAULT_SEED,
		format: 'csv',
		out: 'generated',
		gzip: false,
		report: false,
		months: [...MONTHS],
		memoryLimit: '4GB',
		chunkRows: 1_500_000,
		quiet: false
	};
	const args = new ArgCursor(argv);
	const number = () => args.number();
	const value = () => args.value();
	for (const flag of args.flags()) {
		switch (flag) {
			case '--scale': a.scale = number(); break;
			case '--seed': a.seed = number(); break;
			case '--format': {
				const f = value();
				if (f !== 'csv' && f !== 'parquet' && f !== 'duckdb') throw new Error(`invalid --format: ${f}`);
				a.format = f;
				break;
			}
			case '--out': a.out = value(); break;
			case '--gzip': a.gzip = true; break;
			case '--report': a.report = true; break;
			case '--months': {
				const list = value().split(',');
				for (const m of list) if (!MONTHS.includes(m as Month)) throw new Error(`invalid --months: ${m}`);
				a.months = list as Month[];
				break;
			}
			case '--threads': a.threads = number(); break;
			case '--memory-limit': a.memoryLimit = value(); break;
			case '--chunk-rows': a.chunkRows = number(); break;
			case '--sample':
				Object.assign(a, { scale: SAMPLE.scale, seed: SAMPLE.seed, out: SAMPLE.out, gzip: true, format: 'csv' });
				break;
			case '--quiet': a.quiet = true; break;
			case '--help': case '-h': throw new Error(USAGE);
			default: throw new Error(`unknown option: ${flag}\n${USAGE}`);
		}
	}
	if (a.gzip && a.format !== 'csv') throw new Error('--gzip applies to --format csv only');
	return a;
}
