// `npm run bench -- --scale S [--only ingest|facts|queries] [--out bench/report.json] [--repeat R]`
// Measures the notebook in the browser (DuckDB-WASM in headless Chromium) against native
// DuckDB on the same files; prints a table, writes the JSON report and a Markdown summary.
// Not a test, but exits non-zero when a step failed, so its smoke run catches rot.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../src/lib/data/error-message';
import { parseBenchArgs } from './bench-args';
import { formatMarkdown, formatTable } from './format-report';
import { runBench } from './run-bench';

try {
	const args = parseBenchArgs(process.argv.slice(2));
	const report = await runBench(args);
	const out = path.resolve(args.out);
	const markdown = path.join(path.dirname(out), `${path.basename(out, path.extname(out))}.md`);
	mkdirSync(path.dirname(out), { recursive: true });
	writeFileSync(out, JSON.stringify(report, null, '\t') + '\n');
	writeFileSync(markdown, formatMarkdown(report));
	console.log(`\n${formatTable(report)}\n\n→ ${out}\n→ ${markdown}`);
	process.exit(report.steps.some((s) => s.error) ? 1 : 0);
} catch (error) {
	console.error(errorMessage(error));
	process.exit(2);
}
