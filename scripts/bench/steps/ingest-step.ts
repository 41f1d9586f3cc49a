// CSV → the compact `events` partitions. Browser: the files go through the page's file input
// and the page's own step log is read back. Native: the app's own appendSources on the same
// files (read with readEventsCsv), each step followed by a CHECKPOINT as the page does.
import { statSync } from 'node:fs';
import path from 'node:path';
import { appendSources, type IngestSource, type StepTiming } from '../../../src/lib/ingest/ingest-events';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import type { CinWindow } from '../../notebook/headless-page';
import { uploadData } from '../../notebook/upload-data';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import { rowsHint } from '../rows-hint';
import { storeLabel, storeMeasurements } from '../store-measurements';
import { checkpointAll } from '../../../src/lib/data/companion-databases';

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
	const sources: IngestSource[] = run.files.map((file) => {
		const name = path.basename(file);
		const bytes = statSync(file).size;
		return { name, bytes, rowsHint: rowsHint(name, bytes), open: async () => ({ relation: readEventsCsv(file), rejects: false, close: async () => {} }) };
	});
	const { files, steps } = await appendSources(run.client, sources, {
		afterStep: () => checkpointAll(run.client),
		onProgress: (p) => (run.sampler.label = storeLabel(p.file ?? null, p.step))
	});
	run.sampler.label = null;
	run.ingestFiles.push(...files);
	run.storeSteps = steps;
	return storeMeasurements(steps, 'append', run.sampler);
}

export const ingestStep: BenchStep = { name: 'ingest', selection: 'ingest', browser: browserIngest, native: nativeIngest };
