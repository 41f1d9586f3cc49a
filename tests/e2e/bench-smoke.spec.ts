// `npm run bench` end to end at a tiny scale, so the benchmark cannot rot: the generator CLI,
// the browser half (built site in headless Chromium: ingest, facts, every cell, inputs, reopen)
// and both native halves, merged into the JSON and Markdown reports. A small notebook keeps it
// short; the default notebook's SQL is run natively by tests/unit/bench/native-bench.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { BenchReport } from '../../scripts/bench/bench-report';

const NOTEBOOK = `---
notebook: customer-intelligence-notebook
version: 1
title: Bench smoke
---

# Bench smoke

\`\`\`input name=min_dau
{ "type": "number", "value": 1, "min": 0, "max": 10 }
\`\`\`

\`\`\`sql name=busy_days
SELECT day, users FROM daily WHERE users >= $min_dau ORDER BY day
\`\`\`

\`\`\`sql name=event_mix
SELECT event_type, count(*) AS events FROM events GROUP BY ALL ORDER BY events DESC
\`\`\`
`;

test('npm run bench measures ingest, facts, queries, inputs and reopen in both engines at scale 0.0005', async () => {
	test.setTimeout(300_000);
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-bench-smoke-'));
	try {
		const notebook = path.join(dir, 'smoke.md');
		writeFileSync(notebook, NOTEBOOK);
		const out = path.join(dir, 'report.json');
		const run = spawnSync('npm', ['run', 'bench', '--', '--scale', '0.0005', '--repeat', '1', '--notebook', notebook, '--out', out], {
			encoding: 'utf8',
			timeout: 280_000
		});
		expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
		expect(run.stdout).toMatch(/step\s+browser ms\s+native ms \(1 thread\)/);

		const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
		expect(report.rows).toBeGreaterThan(50_000);
		expect(report.files.map((f) => f.name)).toEqual(['2019-Oct.csv', '2019-Nov.csv']);
		expect(report.engines.map((e) => `${e.engine}:${e.threads}`)).toEqual(['browser:1', 'native:1', `native:${report.machine.cores}`]);
		const step = (name: string) => report.steps.find((s) => s.name === name);
		for (const name of ['ingest', 'facts', 'round trip (SELECT 1)', 'query: busy_days', 'query: event_mix', 'input: min_dau (re-runs 1 cell)']) {
			expect(step(name), name).toMatchObject({ browserMs: expect.any(Number), nativeMs: expect.any(Number), nativeAllMs: expect.any(Number), ratio: expect.any(Number) });
		}
		// The page's renderer holds the DuckDB wasm and its buffers: far above an idle renderer (~80 MiB).
		expect(step('ingest')?.peakRssMiB).toBeGreaterThan(200);
		expect(step('reopen (reload → saved results shown)')?.browserMs).toBeGreaterThan(0);
		expect(report.engines[0].peakTotalRssMiB).toBeGreaterThanOrEqual(report.engines[0].peakRssMiB ?? Infinity);
		expect(report.steps.filter((s) => s.error)).toEqual([]);
		expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain('| ingest |');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
