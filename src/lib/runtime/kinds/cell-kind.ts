// A cell kind is one module: how its spec is checked, what it reads (for the graph), how it
// runs, which tables it writes and when an earlier output may be shown without a run. The
// runtime and the scheduler hold no rule for any particular kind; `registry.ts` lists them.
// Kinds are declarative: a spec is data (SQL text, JSON), never code the notebook would run.
import type { CellData, CellSyntax } from '../../notebook';
import type { SqlClient } from '../../data/sql-client';
import type { CellOutput } from '../cell-output';
import type { ResultsCache, SavedTable } from '../results-cache';

export interface RunContext {
	client: SqlClient;
	signal: AbortSignal;
	/** Run even if a saved result was produced with this fingerprint (the user asked). */
	force: boolean;
	/** The cell's fingerprint now: its text, what it reads and the data (fingerprint.ts). */
	fingerprint: string;
	/** Lower-cased names of the notebook's variables, the `$name`s SQL may read. */
	variables: ReadonlySet<string>;
	/** The notebook's cell tables (schema `nb`): lookup, materialise, drop. */
	cache: ResultsCache;
	/** What an earlier session showed for this fingerprint, if it is known (reopening a dataset). */
	shownBefore: CellOutput | undefined;
	/** Reports how far a long run has got; the page shows it on the cell while it runs. */
	progress(progress: CellProgress): void;
}

/** A long run's progress: what it is doing, and the share done when it is known. */
export interface CellProgress {
	message: string;
	fraction: number | null;
}

export interface CellKind extends CellSyntax {
	/** The source a new cell of this kind starts with. */
	readonly template: string;
	run(cell: CellData, ctx: RunContext): Promise<CellOutput>;
	/** Tables of the cell schema the cell's run writes: dropped with the cell, or when it is renamed. */
	writes(cell: CellData): string[];
	/**
	 * Whether the cell can stay as it is without a run in a new session: `shown` is the output an
	 * earlier session produced with the cell's current fingerprint (undefined: none is known).
	 */
	reusable(cell: CellData, shown: CellOutput | undefined, saved: ReusableContext): boolean;
	/**
	 * Work a reused cell still needs in a new session (an input's variable lives in the session,
	 * not the database). Throws when it cannot be done: the cell then runs and reports why.
	 */
	restore?(cell: CellData, client: SqlClient): Promise<void>;
}

export interface ReusableContext {
	/** Every saved cell table (or view) with the fingerprint it was built with. */
	tables: ReadonlyMap<string, Pick<SavedTable, 'fingerprint' | 'storage'>>;
	fingerprint: string;
}
