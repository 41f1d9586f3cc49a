// What the page leaves beside the store after an ingest (ingest_files, ingest_steps,
// store_report), written the same way natively: the notebook's optimisation cells read them.
import { ingestLogSql, writeStoreReport } from '../../src/lib/ingest/dataset-meta';
import type { NativeRun } from './bench-step';

export async function writeNativeIngestLog(run: NativeRun, rows: number, months: string[]): Promise<void> {
	const steps = run.storeSteps ?? [];
	const report = { files: run.ingestFiles, rows, months, steps, totalMs: steps.reduce((n, s) => n + s.ms, 0) };
	for (const sql of ingestLogSql(report)) await run.client.exec(sql);
	await run.client.exec('CHECKPOINT');
	await writeStoreReport(run.client);
	await run.client.exec('CHECKPOINT');
}
