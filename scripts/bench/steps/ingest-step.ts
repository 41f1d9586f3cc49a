// CSV → the compact `events` table. Browser: the files go through the page's file input and
// the page's own step log is read back. Native: the same appendEventsSql steps per file, from
// readEventsCsv, each followed by a CHECKPOINT as the page does after every step.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { FileReport, StepTiming } from '../../../src/lib/ingest/ingest-events';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import { appendEventsSql } from '../../../src/lib/store';
import type { CinWindow } from '../../notebook/headless-page';
import { uploadData } from '../../notebook/upload-data';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import { rowsHint } from '../rows-hint';
import { storeLabel, storeMeasurements } from '../store-measurements';

const count = async (run: NativeRun, table: string) => Number((await run.client.query(`SELECT count(*) FROM ${table}`)).rows[0][0]);

export async function browserIngest(run: BrowserRun): Promise<Measurement[]> {
	const from = run.sampler.now();
	const outcome = await uploadData(run.hp, run.files);
	run.log(`  browser: dataset ${outcome.datasetId} open after ${outcome.wallMs} ms${outcome.notice ? ` (${outcome.notice})` : ''}`);
	const rows = await run.hp.guard(
		run.hp.page.evaluate(async () => (await (window as unknown as CinWindow).cin.query(`SELECT phase, file, step, ms FROM main.ingest_steps ORDER BY seq`)).rows)
	);
	run.storeSteps = rows.map((r) => ({ phase: r[0] as StepTiming['phase'], file: r[1] === null ? null : String(r[1]), step: String(r[2]), ms: Number(r[3]) }));
	return [
		...storeMeasurements(run.storeSteps, 'append', run.sampler),
		{
			name: 'ingest + facts wall (files chosen → dataset open)',
			group: 'ingest',
			ms: outcome.wallMs,
			peakRssMiB: run.sampler.peakMiB({ from, to: run.sampler.now() })
		}
	];
}

export async function nativeIngest(run: NativeRun): Promise<Measurement[]> {
	const steps: StepTiming[] = [];
	for (const file of run.files) {
		const name = path.basename(file);
		const bytes = statSync(file).size;
		const before = await count(run, 'main.events').catch(() => 0);
		const invalidBefore = await count(run, 'main.events_rejected').catch(() => 0);
		for (const step of appendEventsSql(readEventsCsv(file), { rows: rowsHint(name, bytes), invalidRows: 'route' })) {
			run.sampler.label = storeLabel(name, step.name);
			const t0 = performance.now();
			await run.client.exec(step.sql);
			await run.client.exec('CHECKPOINT');
			steps.push({ phase: 'append', file: name, step: step.name, ms: Math.round(performance.now() - t0) });
		}
		const report: FileReport = {
			name,
			bytes,
			rows: (await count(run, 'main.events')) - before,
			rejectedLines: 0,
			rejectedExamples: [],
			invalidRows: (await count(run, 'main.events_rejected')) - invalidBefore
		};
		run.ingestFiles.push(report);
	}
	run.sampler.label = null;
	run.storeSteps = steps;
	return storeMeasurements(steps, 'append', run.sampler);
}

export const ingestStep: BenchStep = { name: 'ingest', selection: 'ingest', browser: browserIngest, native: nativeIngest };
