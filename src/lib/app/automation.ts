// A small read-mostly API on `window.cin` for headless runs (`npm run notebook`, `npm run
// bench`) and tests: wait for the page to settle, run cells, read results. It drives the same
// session the UI does; nothing here bypasses the notebook.
import type { QueryResult } from '../data/value';
import type { EngineStatus } from '../data/duckdb-client';
import type { DatasetInfo } from '../datasets/dataset-info';
import { cellReport, type CellReport } from '../runtime/cell-report';
import type { NotebookSession } from './notebook-session.svelte';

export type { CellReport };

export interface CinAutomation {
	/** Resolves once no ingest, task or cell run is in progress (and a dataset is open). */
	idle(timeoutMs?: number): Promise<void>;
	dataset(): DatasetInfo | null;
	/** Runs every cell (`force`: even those whose saved result is current); resolves when done. */
	runAll(force: boolean): Promise<number>;
	/** Runs one cell by name and its dependants; resolves with the elapsed ms. */
	runCell(name: string): Promise<number>;
	setInput(name: string, value: number | string): Promise<number>;
	/** Replaces a cell's source as the editor would (it runs when asked, as after typing). */
	edit(name: string, source: string): void;
	/** A cell's source as the notebook holds it. */
	source(name: string): string;
	/** The whole notebook as Export writes it. */
	text(): string;
	/** Stops every queued and running cell, as the Cancel button does. */
	cancel(): void;
	cells(rows: number): Promise<CellReport[]>;
	/** Cells (not markdown) showing an output now, whether run in this session or restored. */
	shown(): number;
	/** The open notebook of the library: its id (output snapshots are kept per notebook) and title. */
	notebook(): { id: string; title: string };
	/** The engine's state, with its start-up timings once ready. */
	engine(): EngineStatus;
	query(sql: string): Promise<QueryResult>;
}

export function installAutomation(session: NotebookSession): void {
	const byName = (name: string) => {
		const cell = session.cells.find((c) => c.name === name);
		if (!cell) throw new Error(`no cell named ${name}`);
		return cell;
	};
	// Until the page shows the last state change: that is when a user sees the run end.
	const timed = async (work: () => Promise<void>) => {
		const t0 = performance.now();
		await work();
		await session.whenShown();
		return Math.round(performance.now() - t0);
	};
	const api: CinAutomation = {
		async idle(timeoutMs = 600_000) {
			const until = Date.now() + timeoutMs;
			const busy = () => session.busy || !session.client;
			// Two quiet checks in a row: one run can end just before the next is scheduled.
			let quiet = 0;
			while (quiet < 2) {
				if (Date.now() > until) throw new Error('timed out waiting for the notebook to settle');
				quiet = busy() ? 0 : quiet + 1;
				await new Promise((r) => setTimeout(r, 100));
			}
		},
		dataset: () => session.data.current,
		runAll: (force) => timed(() => session.runAll(force)),
		runCell: (name) => timed(() => session.run(byName(name).id)),
		setInput: (name, value) => timed(() => session.setInput(byName(name).id, value)),
		edit: (name, source) => session.editSource(byName(name).id, source),
		source: (name) => byName(name).source,
		text: () => session.exportText(),
		cancel: () => session.cancel(),
		async cells(rows) {
			const reports: CellReport[] = [];
			for (const cell of session.cells) {
				if (cell.kind !== 'markdown') reports.push(await cellReport(cell, session.state(cell.id), session.client, rows));
			}
			return reports;
		},
		engine: () => session.engine,
		notebook: () => ({ id: session.runtime.notebookId, title: session.doc?.title ?? '' }),
		shown: () => session.cells.filter((c) => c.kind !== 'markdown' && session.state(c.id).output !== null).length,
		query(sql) {
			if (!session.client) throw new Error('no dataset is open');
			return session.client.query(sql);
		}
	};
	(window as unknown as { cin: CinAutomation }).cin = api;
}
