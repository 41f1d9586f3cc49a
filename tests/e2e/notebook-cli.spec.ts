// `npm run notebook -- run` end to end: a notebook imported into the built site in headless
// Chromium, a month of the sample ingested through the file input, every cell run, the results
// written as JSON (dates as ISO strings, 64-bit ids as strings) and a failing cell → exit 1.
// The notebook is plain Markdown without front matter, as other Markdown notebook tools write it.
// Then the default notebook on the bundled sample through both engines, compared cell by cell.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { compareResults, MEASURED_COLUMNS, orderedCells } from '../../scripts/notebook/compare-results';
import type { ResultsJson } from '../../scripts/notebook/results-json';
import { STARTER_NOTEBOOK } from '../../src/lib/app/starter-notebook';
import { readNotebook } from '../../src/lib/runtime';

const NOTEBOOK = `# CLI check

\`\`\`input name=top_n
{ "type": "number", "value": 3, "min": 1, "max": 10 }
\`\`\`

\`\`\`sql name=top_categories
SELECT category_id, count(*) AS events, min(event_time) AS first_seen, min(event_time)::DATE AS first_day
FROM events GROUP BY category_id ORDER BY events DESC, category_id LIMIT $top_n
\`\`\`

\`\`\`sql name=broken
SELECT no_such_column FROM events
\`\`\`

\`\`\`sql name=after_broken
SELECT count(*) AS n FROM broken
\`\`\`
`;

test('npm run notebook runs a notebook headless on a data file and writes its results as JSON', async () => {
	test.setTimeout(240_000);
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-notebook-cli-'));
	try {
		const notebook = path.join(dir, 'plain.md');
		writeFileSync(notebook, NOTEBOOK);
		const out = path.join(dir, 'results.json');
		const run = spawnSync('npm', ['run', 'notebook', '--', 'run', notebook, '--data', 'sample-data/2019-Oct.csv.gz', '--out', out, '--rows', '2'], {
			encoding: 'utf8',
			timeout: 220_000
		});
		expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(1);
		expect(run.stderr).toContain('cell broken: error');

		const results = JSON.parse(readFileSync(out, 'utf8')) as ResultsJson;
		expect(results.dataset).toEqual({
			rows: 126_801,
			files: [{ name: '2019-Oct.csv.gz', bytes: expect.any(Number), rows: 126_801, rejectedLines: 0, invalidRows: 0 }]
		});
		expect(results.cells.map((c) => `${c.name}:${c.kind}:${c.status}`)).toEqual([
			'top_n:input:done',
			'top_categories:sql:done',
			'broken:sql:error',
			'after_broken:sql:upstream-error'
		]);
		const top = results.cells[1];
		expect(top.rowCount).toBe(3);
		expect(top.columns.map((c) => c.type)).toEqual(['BIGINT', 'BIGINT', 'TIMESTAMP', 'DATE']);
		expect(top.rows).toHaveLength(2);
		const [id, events, firstSeen, firstDay] = top.rows[0];
		expect(id).toMatch(/^\d{19}$/); // a 19-digit category id, exact
		expect(events).toEqual(expect.any(Number));
		expect(firstSeen).toMatch(/^2019-10-\d\dT\d\d:\d\d:\d\d\.000Z$/);
		expect(firstDay).toMatch(/^2019-10-\d\d$/);
		expect(results.cells[2].error).toContain('no_such_column');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

/** `npm run notebook -- args…` in a child process; resolves with its exit code and output. */
function notebookCli(args: string[]): Promise<{ status: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', 'notebook', '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, output }));
	});
}

test('the default notebook gives the same results on native DuckDB as in the browser, cell by cell', async () => {
	test.setTimeout(300_000);
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-engines-'));
	try {
		// No --data: both engines run on the bundled sample, under the names the page gives its files.
		// The browser's results are those the built site computed in headless Chromium (the prebuilt
		// sample store a first visit copies); the native run ingests the same files and runs every cell.
		const out = { browser: path.join(dir, 'browser.json'), native: path.join(dir, 'native.json') };
		const [browser, native] = await Promise.all([
			notebookCli(['run', '--out', out.browser, '--rows', '100000', '--quiet']),
			notebookCli(['run', '--engine', 'native', '--out', out.native, '--rows', '100000', '--quiet'])
		]);
		expect(browser.status, browser.output).toBe(0);
		expect(native.status, native.output).toBe(0);
		const [b, n] = [out.browser, out.native].map((f) => JSON.parse(readFileSync(f, 'utf8')) as ResultsJson);
		expect(n.dataset).toEqual(b.dataset);
		expect(b.dataset.rows).toBe(325_431);

		const cells = compareResults(b, n, orderedCells(readNotebook(STARTER_NOTEBOOK)), { measured: MEASURED_COLUMNS });
		expect(cells.filter((c) => c.differences.length).map((c) => `${c.cell}: ${c.differences.join('; ')}`)).toEqual([]);
		// Every cell with rows was compared row by row (--rows holds the largest), the model's too.
		const withRows = cells.filter((c) => (c.rowCounts[0] ?? 0) > 0);
		expect(withRows.filter((c) => c.checksums === null).map((c) => c.cell)).toEqual([]);
		expect(withRows.length).toBeGreaterThan(90);
		// The model trained on each engine's feature tables: its metrics agree too (training is seeded).
		expect(cells.find((c) => c.cell === 'propensity')).toMatchObject({ rowCounts: [3, 3], differences: [] });
		expect(cells.find((c) => c.cell === 'propensity')?.checksums).not.toBeNull();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
