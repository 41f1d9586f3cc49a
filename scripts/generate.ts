// `npm run generate -- --scale 0.01 --seed 42 --format csv|parquet|duckdb --out DIR [--report]`
// Writes the synthetic event log in the Kaggle format (src/lib/generator), one file per month.

import { parseArgs } from './generate/args';
import { generate } from './generate/run';

try {
	await generate(parseArgs(process.argv.slice(2)));
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
