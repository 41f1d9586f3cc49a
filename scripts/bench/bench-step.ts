// A measured step of the benchmark: what it does in the browser and in native DuckDB, each
// returning measurements keyed by the same names so the report can put them side by side.
// The benchmark is the list BENCH_STEPS; a later step (model training) is one more entry.
import type { FileReport, StepTiming } from '../../src/lib/ingest/ingest-events';
import type { HeadlessPage } from '../notebook/headless-page';
import type { BenchNotebook } from './bench-notebook';
import type { CompanionDatabases } from '../../src/lib/data/companion-databases';
import type { SqlClient } from '../../src/lib/data/sql-client';
import type { RssSampler } from './rss-sampler';

/** What `--only` selects, in pipeline order: selecting one runs the earlier ones it needs. */
export const SELECTIONS = ['ingest', 'facts', 'queries'] as const;
export type Selection = (typeof SELECTIONS)[number];

export interface Measurement {
	/** The row's key, the same for both engines: `ingest`, `query: rfm_scores`… */
	name: string;
	/** Section of the report the row belongs to (ingest, facts, queries, inputs, reopen…). */
	group: string;
	ms: number | null;
	peakRssMiB?: number | null;
	error?: string;
	/** What the time alone does not say (e.g. a model's test AUC), shown under the table. */
	note?: string;
}

interface Run {
	files: readonly string[];
	notebook: BenchNotebook;
	repeat: number;
	sampler: RssSampler;
	log: (line: string) => void;
}

export interface BrowserRun extends Run {
	hp: HeadlessPage;
	/** The page's ingest step log (main.ingest_steps), once the ingest step has run. */
	storeSteps: StepTiming[] | null;
	/** First contentful paint of the site's first visit (fresh profile, nothing cached). */
	coldPaintMs: number | null;
}

/** A run in Node: native DuckDB, or DuckDB-WASM's Node build (the engine without the page). */
export interface NativeRun extends Run {
	client: SqlClient & CompanionDatabases;
	threads: number;
	/** The ingest's step log and per-file report, in the page's shapes. */
	storeSteps: StepTiming[] | null;
	ingestFiles: FileReport[];
}

export interface BenchStep {
	name: string;
	selection: Selection;
	browser?: (run: BrowserRun) => Promise<Measurement[]>;
	native?: (run: NativeRun) => Promise<Measurement[]>;
}

/** Steps to run for `--only` (all when null): the selected ones and those they build on. */
export function stepsToRun(steps: readonly BenchStep[], only: Selection | null): BenchStep[] {
	if (only === null) return [...steps];
	const last = SELECTIONS.indexOf(only);
	return steps.filter((s) => SELECTIONS.indexOf(s.selection) <= last);
}

/** Whether a step's measurements belong in the report for `--only`. */
export function isReported(step: BenchStep, only: Selection | null): boolean {
	return only === null || step.selection === only;
}
