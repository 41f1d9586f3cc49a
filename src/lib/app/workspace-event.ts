// What the dataset workspace tells the page, as facts; workspace-messages.ts words them.
import type { IngestReport } from '../ingest/ingest-events';

export type WorkspaceEvent =
	/** Datasets whose ingest stopped when the tab closed (what it wrote was removed). */
	| { type: 'ingest-interrupted'; names: string[] }
	/** Stored datasets whose files are no longer in OPFS (evicted by the browser, or cleared). */
	| { type: 'data-missing'; names: string[] }
	/** A stored dataset is not complete (found when opening it). */
	| { type: 'dataset-incomplete'; name: string }
	/** Chosen files were refused before any work; `message` names the problem and the fix. */
	| { type: 'files-refused'; message: string }
	| { type: 'resume-denied' }
	| { type: 'delete-failed'; name: string; error: unknown }
	| { type: 'deleted'; name: string }
	/** A store from an older version could not get the tables added since. */
	| { type: 'upgrade-failed'; error: unknown }
	/** A database file is past the size DuckDB-WASM reads back correctly. */
	| { type: 'oversize'; name: string; bytes: number }
	| { type: 'open-failed'; name: string; error: unknown }
	| { type: 'ingest-failed'; title: string; cancelled: boolean; error: unknown }
	| { type: 'ingested'; name: string; report: IngestReport; notes: string[] }
	| { type: 'table-loaded'; fileName: string; rows: number; table: string }
	| { type: 'table-failed'; error: unknown };
