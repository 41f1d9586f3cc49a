// `npm run notebook -- run [notebook.md] --data <file or folder>... --out results.json [--rows N] [--engine browser|native]`
// Runs a notebook headless (in Chromium on the built site, or on native DuckDB) on the given data
// and writes its results as JSON; exits non-zero when the ingest fails or any cell ends in error
// (like papermill or `quarto render`).
// `npm run notebook -- export-sql [notebook.md] --out notebook.sql [--db store.duckdb]` writes
// the notebook's SQL cells as one script for the DuckDB CLI.
// `npm run notebook -- compare a.json b.json` compares two runs cell by cell.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STARTER_NOTEBOOK } from '../../src/lib/app/starter-notebook';
import { errorMessage } from '../../src/lib/data/error-message';
import { readNotebook } from '../../src/lib/runtime';
import { compareResults, MEASURED_COLUMNS, orderedCells } from './compare-results';
import { exportSqlFile } from './export-sql-file';
import { NotebookImportError } from './import-notebook';
import { parseNotebookArgs, type CompareArgs, type NotebookArgs } from './notebook-args';
import { formatResultsJson, type ResultsJson } from './results-json';
import { runNotebook } from './run-notebook';
import { runNotebookNative } from './run-native';
import { IngestError } from './upload-data';

const write = (file: string, text: string) => {
	const out = path.resolve(file);
	mkdirSync(path.dirname(out), { recursive: true });
	writeFileSync(out, text);
	return out;
};

async function run(args: NotebookArgs): Promise<number> {
	const result = args.engine === 'native' ? await runNotebookNative(args) : await runNotebook(args);
	const out = write(args.out, formatResultsJson(result.results));
	if (!args.quiet) {
		if (result.ingestNotice) console.log(result.ingestNotice);
		for (const c of result.results.cells) {
			const rows = c.rowCount === null ? '' : `${c.rowCount.toLocaleString('en-US')} rows`;
			console.log(`  ${(c.name ?? `(${c.kind})`).padEnd(28)} ${c.status.padEnd(15)} ${String(c.ms ?? '').padStart(8)} ms  ${rows}`);
		}
		console.log(`${result.results.dataset.rows.toLocaleString('en-US')} events, ${result.results.cells.length} cells → ${out}`);
	}
	for (const c of result.failed) console.error(`cell ${c.name ?? `(${c.kind})`}: ${c.status}${c.error ? `: ${c.error}` : ''}`);
	return result.failed.length ? 1 : 0;
}

/** Prints the cells that differ; 1 if any does. */
function compare(args: CompareArgs): number {
	const [a, b] = args.results.map((f) => JSON.parse(readFileSync(f, 'utf8')) as ResultsJson);
	const notebook = args.notebook ? readFileSync(args.notebook, 'utf8') : STARTER_NOTEBOOK;
	const cells = compareResults(a, b, orderedCells(readNotebook(notebook)), { digits: args.digits, measured: args.notebook ? {} : MEASURED_COLUMNS });
	const differing = cells.filter((c) => c.differences.length);
	for (const c of differing) console.log(`${c.cell} (${c.kind}): ${c.differences.join('; ')}`);
	const unchecked = cells.filter((c) => c.checksums === null && (c.rowCounts[0] ?? 0) > 0).length;
	console.log(`${cells.length - differing.length} of ${cells.length} cells agree${unchecked ? ` (${unchecked} on row counts only: raise --rows to compare all their rows)` : ''}`);
	return differing.length ? 1 : 0;
}

try {
	const args = parseNotebookArgs(process.argv.slice(2));
	if (args.command === 'export-sql') {
		const exported = await exportSqlFile(args);
		const out = write(args.out, exported.text);
		console.log(`${exported.tables.length} tables, ${exported.commented.length} cells commented out → ${out}`);
		for (const c of exported.commented) console.log(`  ${c.name}: ${c.reason}`);
		process.exit(0);
	}
	if (args.command === 'compare') process.exit(compare(args));
	process.exit(await run(args));
} catch (error) {
	const prefix = error instanceof IngestError ? 'ingest failed: ' : error instanceof NotebookImportError ? 'notebook import failed: ' : '';
	console.error(prefix + errorMessage(error));
	process.exit(2);
}
