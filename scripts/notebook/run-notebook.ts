// A headless run on the browser engine (the default): the built site in Chromium, the notebook
// imported, the data ingested into a fresh OPFS profile, every cell run, the results read back
// through `window.cin`. run-native.ts is the same run on native DuckDB.
import type { CellReport } from '../../src/lib/runtime/cell-report';
import { dataFiles } from './data-files';
import { openHeadlessPage, type CinWindow } from './headless-page';
import { importNotebook } from './import-notebook';
import type { NotebookArgs } from './notebook-args';
import { cellJson, datasetFilesJson, failedCells, type ResultsJson } from './results-json';
import { uploadData } from './upload-data';

export interface NotebookRun {
	results: ResultsJson;
	/** The ingest's summary notice, if data was given. */
	ingestNotice: string | null;
	failed: ResultsJson['cells'];
}

export async function runNotebook(args: NotebookArgs, log: (line: string) => void = console.log): Promise<NotebookRun> {
	const say = args.quiet ? () => {} : log;
	const files = dataFiles(args.data);
	const started = performance.now();
	const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	say('starting headless Chromium…');
	const hp = await openHeadlessPage({ siteDir: args.site, timeoutMs: args.timeoutMs, log: (l) => log(l) });
	try {
		say(`page ready (${since()})`);
		if (args.notebook) {
			await importNotebook(hp, args.notebook);
			say(`imported ${args.notebook} (${since()})`);
		}
		let ingestNotice: string | null = null;
		if (files.length) {
			say(`ingesting ${files.length} file${files.length > 1 ? 's' : ''}…`);
			let lastStep = '';
			const outcome = await uploadData(hp, files, (s) => {
				if (s.ingestStep && s.ingestStep !== lastStep) say(`  ${(lastStep = s.ingestStep)}  (${since()})`);
			});
			ingestNotice = outcome.notice;
			say(`dataset ${outcome.datasetId} open; notebook run (${since()})`);
		}
		const { page } = hp;
		const { reports, dataset, ingestFiles } = await hp.guard(
			page.evaluate(async (rows) => {
				const cin = (window as unknown as CinWindow).cin;
				const reports: CellReport[] = await cin.cells(rows);
				const ingestFiles = await cin
					.query(`SELECT file, source_bytes, rows, rejected_lines, invalid_rows FROM main.ingest_files`)
					.then((r) => r.rows)
					.catch(() => []);
				return { reports, dataset: cin.dataset(), ingestFiles };
			}, args.rows)
		);
		const fileJson = datasetFilesJson(ingestFiles);
		const results: ResultsJson = {
			dataset: { rows: dataset?.rows ?? fileJson.reduce((n, f) => n + f.rows, 0), files: fileJson },
			cells: reports.map(cellJson)
		};
		return { results, ingestNotice, failed: failedCells(results.cells) };
	} finally {
		await hp.close();
	}
}
