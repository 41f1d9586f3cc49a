// The fact tables (sessions, users, daily…) from `events`. The page builds them as part of its
// ingest, so the browser side only reads its step log; native runs buildStorePlan with the same
// rows and months, then leaves the same ingest log and store report the notebook reads.
import type { StepTiming } from '../../../src/lib/ingest/ingest-events';
import { buildStorePlan, eventMonthsSql } from '../../../src/lib/store';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import { writeNativeIngestLog } from '../native-ingest-log';
import { storeLabel, storeMeasurements } from '../store-measurements';

export async function browserFacts(run: BrowserRun): Promise<Measurement[]> {
	if (!run.storeSteps) throw new Error('the ingest step has not run');
	return storeMeasurements(run.storeSteps, 'build', run.sampler);
}

export async function nativeFacts(run: NativeRun): Promise<Measurement[]> {
	const rows = Number((await run.client.query(`SELECT count(*) FROM main.events`)).rows[0][0]);
	const months = (await run.client.query(eventMonthsSql())).rows.map((r) => String(r[0]));
	const steps: StepTiming[] = [];
	for (const step of buildStorePlan({ rows, months })) {
		run.sampler.label = storeLabel(null, step.name);
		const t0 = performance.now();
		await run.client.exec(step.sql);
		await run.client.exec('CHECKPOINT');
		steps.push({ phase: 'build', file: null, step: step.name, ms: Math.round(performance.now() - t0) });
	}
	run.sampler.label = null;
	run.storeSteps = [...(run.storeSteps ?? []), ...steps];
	await writeNativeIngestLog(run, rows, months);
	return storeMeasurements(steps, 'build', run.sampler);
}

export const factsStep: BenchStep = { name: 'facts', selection: 'facts', browser: browserFacts, native: nativeFacts };
