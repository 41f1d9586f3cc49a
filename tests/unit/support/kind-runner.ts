// Runs one cell through its kind's module, as the runtime does, with the saved state a test
// chooses: for tests of a kind's run on its own, without a whole notebook.
import type { CellData } from '../../../src/lib/notebook';
import type { SqlClient } from '../../../src/lib/data/sql-client';
import type { CellOutput } from '../../../src/lib/runtime/cell-output';
import { DEFAULT_KINDS } from '../../../src/lib/runtime/kinds/registry';
import { ResultsCache, type SavedTable } from '../../../src/lib/runtime/results-cache';

export interface SavedResults {
	tables: ReadonlyMap<string, SavedTable>;
	/** Outputs an earlier session showed, by fingerprint. */
	outputs: ReadonlyMap<string, CellOutput>;
}

export function kindRunner(opts: {
	client: SqlClient;
	fingerprint: (cell: CellData) => string;
	variables?: () => ReadonlySet<string>;
	saved?: () => SavedResults | null;
}) {
	return async (cell: CellData, { signal, force }: { signal: AbortSignal; force: boolean }): Promise<CellOutput> => {
		const cache = new ResultsCache(opts.client);
		const saved = force ? null : (opts.saved?.() ?? null);
		if (saved) cache.remember(saved.tables);
		const fingerprint = opts.fingerprint(cell);
		return DEFAULT_KINDS.get(cell.kind)!.run(cell, {
			client: opts.client,
			cache,
			signal,
			force,
			fingerprint,
			variables: opts.variables?.() ?? new Set(),
			shownBefore: saved?.outputs.get(fingerprint),
			progress: () => {}
		});
	};
}

export const readSavedTables = (client: SqlClient) => new ResultsCache(client).readAll();
