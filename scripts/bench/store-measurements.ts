// Rows of the report from an ingest's step log (the page's main.ingest_steps, or the native
// run's own log in the same shape): totals per phase, per file, and per kind of step (passes of
// one step, `sessions 1/3`…, are one row), with the peak memory of the samples taken meanwhile.
import type { StepTiming } from '../../src/lib/ingest/ingest-events';
import type { Measurement } from './bench-step';
import type { RssSampler } from './rss-sampler';

/** `sessions 2/3` → `sessions`. */
export function stepKind(step: string): string {
	return step.replace(/ \d+\/\d+$/, '');
}

/** The label of a memory sample taken during a store step: what the page's progress line shows. */
export function storeLabel(file: string | null, step: string): string {
	return `store:${file ? `${file}: ` : ''}${step}`;
}

/** Parses a store label back into its file (among `files`) and step. */
function parseLabel(label: string | null, files: readonly string[]): { file: string | null; step: string } | null {
	if (!label?.startsWith('store:')) return null;
	const text = label.slice('store:'.length);
	const file = files.find((f) => text.startsWith(`${f}: `)) ?? null;
	return { file, step: file ? text.slice(file.length + 2) : text };
}

export function storeMeasurements(steps: readonly StepTiming[], phase: 'append' | 'build', sampler: RssSampler | null): Measurement[] {
	const mine = steps.filter((s) => s.phase === phase);
	const files = [...new Set(steps.flatMap((s) => (s.file ? [s.file] : [])))];
	const group = phase === 'append' ? 'ingest' : 'facts';
	const sum = (list: readonly StepTiming[]) => list.reduce((n, s) => n + s.ms, 0);
	// Append steps always name their file; build steps never do ('starting' precedes both).
	const inPhase = (p: { file: string | null; step: string }) => (phase === 'append' ? p.file !== null : p.file === null && p.step !== 'starting');
	const peak = (match: (p: { file: string | null; step: string }) => boolean) =>
		sampler?.peakMiB({
			label: (l) => {
				const p = parseLabel(l, files);
				return p !== null && inPhase(p) && match(p);
			}
		}) ?? null;

	const rows: Measurement[] = [{ name: group, group, ms: sum(mine), peakRssMiB: peak(() => true) }];
	if (phase === 'append' && files.length > 1) {
		for (const file of files) {
			rows.push({ name: `${group}: ${file}`, group, ms: sum(mine.filter((s) => s.file === file)), peakRssMiB: peak((p) => p.file === file) });
		}
	}
	const kinds = [...new Set(mine.map((s) => stepKind(s.step)))];
	for (const kind of kinds) {
		rows.push({
			name: `${group} · ${kind}`,
			group,
			ms: sum(mine.filter((s) => stepKind(s.step) === kind)),
			peakRssMiB: peak((p) => stepKind(p.step) === kind)
		});
	}
	return rows;
}
