// Runs a notebook section through the app's own NotebookRuntime on a test engine: the section
// is read strictly as a notebook, inputs bind their values through prepared statements, every
// SQL cell becomes its table in schema nb, charts read their rows, all as the page does. On top,
// checks the page cannot make: every SQL cell is named and reads only store tables, its own
// section's cells or tables already built, and every chart names only columns its data has.
import { plotOptions } from '../../../src/lib/charts/plot-options';
import type { QueryResult } from '../../../src/lib/data/value';
import { qualified } from '../../../src/lib/data/sql';
import { validateChartSpec, validateInputSpec, type CellData } from '../../../src/lib/notebook';
import { CELL_SCHEMA, DEFAULT_KINDS, NotebookRuntime, readNotebook, RESULTS_CACHE_SETUP } from '../../../src/lib/runtime';
import { STORE_TABLES } from '../../../src/lib/store';
import { cellReferences } from '../support/notebook-kinds';
import type { WasmTestClient } from '../support/wasm-client';

export const FRONT_MATTER = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: section test\n---\n\n';

// Channels where Plot takes a string that is not a column as a constant colour; only these
// colours are accepted, so a misspelt column is not mistaken for one.
const COLOUR_CHANNELS = new Set(['fill', 'stroke']);
const COLOURS = /^(steelblue|darkorange|seagreen|firebrick|gray|black|white|currentColor|#[0-9a-f]{3}|#[0-9a-f]{6})$/;
const CHANNELS = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'fill', 'stroke', 'r', 'text', 'title', 'z', 'fx', 'fy']);

export interface SectionRun {
	cells: CellData[];
	/** Each table the cells wrote (SQL, stats, model), read back in full, by lower-cased name. */
	tables: Map<string, QueryResult>;
	/** Input name (lower-cased) → the value its variable holds. */
	inputs: Map<string, number | string>;
	/** Names of the chart cells, each checked against its data's columns. */
	charts: string[];
}

/** A section's text as a whole notebook, read strictly. */
export function parseSection(section: string) {
	return readNotebook(FRONT_MATTER + section);
}

let epochs = 0;

export async function runSection(db: WasmTestClient, section: string): Promise<SectionRun> {
	const doc = parseSection(section);
	for (const sql of RESULTS_CACHE_SETUP) await db.exec(sql);
	await checkReferences(db, doc.cells);
	// A new epoch each run: the same SQL over other fixture data must not reuse a saved table.
	const runtime = new NotebookRuntime(doc);
	await runtime.attach(db, { datasetId: null, epoch: `section-${++epochs}` });

	const run: SectionRun = { cells: doc.cells, tables: new Map(), inputs: new Map(), charts: [] };
	for (const cell of doc.cells) {
		const state = runtime.state(cell.id);
		if (cell.kind !== 'markdown' && state.status !== 'done') {
			throw new Error(`${cell.kind} cell ${cell.name ?? '(unnamed)'} failed: ${state.error?.message ?? state.status}`);
		}
		if (cell.kind === 'input') {
			const checked = validateInputSpec(JSON.parse(cell.source));
			if (checked.ok && cell.name) run.inputs.set(cell.name.toLowerCase(), checked.spec.value);
		} else {
			// Every table the cell wrote: a SQL cell's, a stats or model cell's (and their extra ones).
			for (const table of DEFAULT_KINDS.get(cell.kind)!.writes(cell)) {
				run.tables.set(table.toLowerCase(), await db.query(`SELECT * FROM ${qualified(CELL_SCHEMA, table)}`));
			}
		}
	}
	await runtime.detach();
	for (const cell of doc.cells) if (cell.kind === 'chart') run.charts.push(checkChart(cell, run.tables));
	return run;
}

async function checkReferences(db: WasmTestClient, cells: CellData[]): Promise<void> {
	const built = new Set((await db.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = '${CELL_SCHEMA}'`)).rows.map((r) => String(r[0])));
	const store = new Set<string>(STORE_TABLES);
	const defined = new Set<string>();
	for (const cell of cells) {
		// Stats and model cells define their tables, and read earlier cells as SQL does.
		if (cell.kind === 'stats' || cell.kind === 'model') {
			for (const table of DEFAULT_KINDS.get(cell.kind)!.writes(cell)) defined.add(table.toLowerCase());
			continue;
		}
		if (cell.kind !== 'sql') continue;
		if (cell.name === null) throw new Error(`unnamed sql cell: ${cell.source.slice(0, 60)}`);
		if (store.has(cell.name)) throw new Error(`cell ${cell.name} would shadow the store table of that name`);
		for (const table of cellReferences(cell).tables) {
			if (!store.has(table) && !defined.has(table) && !built.has(table)) {
				throw new Error(`cell ${cell.name} reads ${table}, neither a store table nor an earlier cell`);
			}
		}
		defined.add(cell.name.toLowerCase());
	}
}

function checkChart(cell: CellData, tables: Map<string, QueryResult>): string {
	const checked = validateChartSpec(JSON.parse(cell.source));
	if (!checked.ok) throw new Error(`chart ${cell.name}: ${checked.error}`);
	const data = tables.get(checked.spec.data.toLowerCase());
	if (data === undefined) throw new Error(`chart ${cell.name} reads ${checked.spec.data}, which is not a sql cell of its section`);
	const names = new Set(data.columns.map((c) => c.name));
	for (const [i, mark] of checked.spec.marks.entries()) {
		for (const [key, value] of Object.entries(mark)) {
			if (!CHANNELS.has(key) || typeof value !== 'string' || names.has(value)) continue;
			if (!COLOUR_CHANNELS.has(key) || !COLOURS.test(value)) {
				throw new Error(`chart ${cell.name}: marks[${i}].${key} names "${value}", not a column of ${checked.spec.data} (${[...names].join(', ')})`);
			}
		}
	}
	// The renderer's own mapping throws on a channel naming a missing column.
	plotOptions(checked.spec, data.columns, data.rows, 640);
	return cell.name ?? '(unnamed chart)';
}

/** A result's rows as objects keyed by column name. */
export function rowsOf(result: QueryResult | undefined): Record<string, unknown>[] {
	if (result === undefined) throw new Error('no such table');
	return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
}
