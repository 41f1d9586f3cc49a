// The fact tables (sessions, users, daily…) from `events`. The page builds them as part of its
// ingest, so the browser side only reads its step log; native runs the app's own buildStore,
// then leaves the same ingest log and store report the notebook reads.
import { buildStore } from '../../../src/lib/ingest/ingest-events';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import { writeNativeIngestLog } from '../native-ingest-log';
import { storeLabel, storeMeasurements } from '../store-measurements';
import { checkpointAll } from '../../../src/lib/data/companion-databases';

export async function browserFacts(run: BrowserRun): Promise<Measurement[]> {
	if (!run.storeSteps) throw new Error('the ingest step has not run');
	return storeMeasurements(run.storeSteps, 'build', run.sampler);
}

export async function nativeFacts(run: NativeRun): Promise<Measurement[]> {
	const { rows, months, steps } = await buildStore(run.client, {
		afterStep: () => checkpointAll(run.client),
		onProgress: (p) => (run.sampler.label = storeLabel(null, p.step))
	});
	run.sampler.label = null;
	run.storeSteps = [...(run.storeSteps ?? []), ...steps];
	await writeNativeIngestLog(run, rows, months);
	return storeMeasurements(steps, 'build', run.sampler);
}

export const factsStep: BenchStep = { name: 'facts', selection: 'facts', browser: browserFacts, native: nativeFacts };
