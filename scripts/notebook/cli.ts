// `npm run notebook -- run [notebook.md] --data <file or folder>... --out results.json [--rows N]`
// Runs a notebook headless in Chromium on the given data and writes its results as JSON; exits
// non-zero when the ingest fails or any cell ends in error (like papermill or `quarto render`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../src/lib/data/error-message';
import { NotebookImportError } from './import-notebook';
import { parseNotebookArgs } from './notebook-args';
import { formatResultsJson } from './results-json';
import { runNotebook } from './run-notebook';
import { IngestError } from './upload-data';

try {
	const args = parseNotebookArgs(process.argv.slice(2));
	const run = await runNotebook(args);
	const out = path.resolve(args.out);
	mkdirSync(path.dirname(out), { recursive: true });
	writeFileSync(out, formatResultsJson(run.results));
	if (!args.quiet) {
		if (run.ingestNotice) console.log(run.ingestNotice);
		for (const c of run.results.cells) {
			const rows = c.rowCount === null ? '' : `${c.rowCount.toLocaleString('en-US')} rows`;
			console.log(`  ${(c.name ?? `(${c.kind})`).padEnd(28)} ${c.status.padEnd(15)} ${String(c.ms ?? '').padStart(8)} ms  ${rows}`);
		}
		console.log(`${run.results.dataset.rows.toLocaleString('en-US')} events, ${run.results.cells.length} cells → ${out}`);
	}
	for (const c of run.failed) console.error(`cell ${c.name ?? `(${c.kind})`}: ${c.status}${c.error ? `: ${c.error}` : ''}`);
	process.exit(run.failed.length ? 1 : 0);
} catch (error) {
	const prefix = error instanceof IngestError ? 'ingest failed: ' : error instanceof NotebookImportError ? 'notebook import failed: ' : '';
	console.error(prefix + errorMessage(error));
	process.exit(2);
}
