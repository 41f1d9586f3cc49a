// A notebook as one DuckDB SQL script that runs unchanged in the DuckDB CLI against a database
// holding the store tables (`duckdb my.duckdb < notebook.sql`): the inputs' current values as
// variables, then every SQL cell in the order the notebook graph runs them.
//
// A named SQL cell becomes `CREATE OR REPLACE TABLE nb.<name> AS (…)`, the table the app
// writes, with the search path the app sets (`nb`, then `main`), so a cell's SQL reads other
// cells and the store exactly as it does in the app. Tables, not views, except for a cell the
// notebook stores as a view, as the app does: each cell's query then runs once and every cell
// reading it reads that result; views throughout would re-run a whole chain of cells (RFM
// scores under segments under audiences…) for every reader.
//
// Cells that are not SQL are not run by DuckDB: charts and prose are left out, and the cells a
// kind computes in the app (a model's training, a stats method) are listed at the top; a SQL
// cell reading their tables, or a cell left out for a reason of its own, is written commented
// out with that reason, and so is everything downstream of it.
import { buildGraph, cellStorage, topologicalOrder, validateInputSpec, type CellData, type CellId, type CellStorage, type NotebookDocument } from '../notebook';
import { qualified, quoteIdent, quoteString } from '../data/sql';
import { isSingleQuery, splitStatements } from '../data/statements';
import { bindVariables } from './bind-variables';
import { DEFAULT_KINDS, type CellKinds } from './kinds/registry';
import { CELL_SCHEMA } from './results-cache';

/** A database file to attach before the cells run (the store's event partitions). */
export interface AttachedFile {
	/** Catalog name, as the store's `events` view names it (`cin_events_1`). */
	name: string;
	/** The file's path as the DuckDB CLI will resolve it (relative to where it runs). */
	path: string;
}

export interface ExportSqlOptions {
	kinds?: CellKinds;
	/** The store's event partitions, when known (the CLI reads them from the database file). */
	attach?: readonly AttachedFile[];
}

export interface ExportedSql {
	text: string;
	/** Tables the script creates (cell names), in the order it creates them. */
	tables: string[];
	/** Cells written commented out, with the reason given in the script. */
	commented: { name: string; reason: string }[];
}

const SQL_KIND = 'sql';
const INPUT_KIND = 'input';

export function exportSql(doc: NotebookDocument, options: ExportSqlOptions = {}): ExportedSql {
	const kinds = options.kinds ?? DEFAULT_KINDS;
	const cells = doc.cells;
	const graph = buildGraph(cells, kinds);
	const byId = new Map(cells.map((c) => [c.id, c]));
	const position = new Map(cells.map((c, i) => [c.id, i + 1]));
	const label = (c: CellData) => c.name ?? `cell ${position.get(c.id)}`;
	const variables = new Set(cells.flatMap((c) => (c.name && kinds.get(c.kind)?.defines === 'variable' ? [c.name.toLowerCase()] : [])));

	// Why a cell cannot run in DuckDB alone; a cell reading it inherits a reason naming it.
	const blocked = new Map<CellId, string>();
	const inputs: string[] = [];
	const computed: CellData[] = [];
	for (const cell of cells) {
		const problem = graph.errors.get(cell.id);
		if (problem) blocked.set(cell.id, problem);
		else if (cell.kind === INPUT_KIND) {
			const set = cell.name ? setVariable(cell) : null;
			if (set?.ok) inputs.push(set.sql);
			else if (set) blocked.set(cell.id, `its spec is invalid: ${set.error}`);
		} else if (cell.kind !== SQL_KIND && cell.name && kinds.get(cell.kind)?.defines) {
			computed.push(cell);
			blocked.set(cell.id, `the ${cell.kind} cell \`${cell.name}\` is computed by the app, not by SQL`);
		}
	}

	const body: string[] = [];
	const tables: string[] = [];
	const commented: ExportedSql['commented'] = [];
	for (const id of topologicalOrder(graph, graph.order)) {
		const cell = byId.get(id)!;
		if (cell.kind !== SQL_KIND) continue;
		const written = cellSql(cell, variables);
		const reason = blocked.get(id) ?? upstreamReason(cell, graph.dependencies.get(id) ?? new Set(), byId, blocked, kinds, label) ?? (written.ok ? null : written.error);
		const heading = cell.name ? `-- ${cell.name} (cell ${position.get(id)})` : `-- cell ${position.get(id)} (unnamed)`;
		if (reason !== null) {
			blocked.set(id, reason);
			commented.push({ name: label(cell), reason });
			// As it would run, when it can be written: uncommented once its inputs exist, it runs.
			const shown = written.ok ? written.sql : cell.name ? namedCellSql(cell.name, cell.source.trim(), cellStorage(cell)) : cell.source.trim();
			body.push(`${heading}: not run, ${reason}\n${commentOut(shown)}`);
		} else if (written.ok) {
			if (cell.name) tables.push(cell.name);
			body.push(`${heading}\n${written.sql}`);
		}
	}

	const skipped = cells.filter((c) => c.kind !== SQL_KIND && c.kind !== INPUT_KIND && !computed.includes(c));
	const head = [
		`-- ${doc.title || 'Notebook'}: its SQL cells as one DuckDB script, in the order the notebook runs them.`,
		'-- Run it against a database holding the store tables (events, sessions, users, daily…), e.g. the one',
		'-- `npm run notebook -- run --engine native --data <files> --db my.duckdb` leaves:',
		'--   duckdb my.duckdb < notebook.sql',
		`-- Each named SQL cell becomes the table ${CELL_SCHEMA}.<name>, as in the app.`,
		...(skipped.length ? [`-- Not exported: ${countKinds(skipped)} (the app draws and shows them).`] : []),
		...(computed.length
			? [
					`-- Computed by the app, not SQL: ${computed.map((c) => `${c.name} (${c.kind})`).join(', ')}.`,
					'--   Run the notebook in the app or with `npm run notebook -- run` for them; cells reading their',
					'--   tables are commented out below, each with the reason.'
				]
			: [])
	];
	const attach = options.attach ?? [];
	const setup = [
		...(attach.length
			? ['-- `events` reads its partitions from these files beside the database.', ...attach.map((a) => `ATTACH IF NOT EXISTS ${quoteString(a.path)} AS ${quoteIdent(a.name)} (READ_ONLY);`)]
			: [
					'-- `events` is a view over partition files beside the database (my.cin_events_1.duckdb…): attach them',
					'-- first (`npm run notebook -- export-sql --db my.duckdb` writes the ATTACH lines).'
				]),
		`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(CELL_SCHEMA)};`,
		`SET search_path = ${quoteString(`${CELL_SCHEMA},main`)};`
	];
	const variablesPart = inputs.length ? ['-- Inputs, at their current values (numbers as DOUBLE, as the app binds them).', ...inputs] : [];
	const text = [head.join('\n'), setup.join('\n'), variablesPart.join('\n'), ...body].filter(Boolean).join('\n\n') + '\n';
	return { text, tables, commented };
}

/** The first dependency that cannot run, as the reason this cell cannot either; null if none. */
function upstreamReason(
	cell: CellData,
	dependencies: ReadonlySet<CellId>,
	byId: ReadonlyMap<CellId, CellData>,
	blocked: ReadonlyMap<CellId, string>,
	kinds: CellKinds,
	label: (c: CellData) => string
): string | null {
	const refs = kinds.get(cell.kind)?.references(cell);
	for (const depId of dependencies) {
		if (!blocked.has(depId)) continue;
		const dep = byId.get(depId)!;
		const defined = dep.name ? [dep.name, ...(kinds.get(dep.kind)?.extraTables?.(dep) ?? [])] : [];
		const read = defined.find((t) => refs?.tables.has(t.toLowerCase())) ?? dep.name ?? label(dep);
		if (dep.kind === INPUT_KIND) return `it reads $${dep.name}, whose input cell has an invalid spec`;
		if (dep.kind !== SQL_KIND) return `it reads ${read}, which the ${dep.kind} cell \`${dep.name}\` computes in the app`;
		return `it reads ${read}, which is commented out above`;
	}
	return null;
}

/** A SQL cell's statements with `$name`s bound to variables, or why it cannot run. */
function cellSql(cell: CellData, variables: ReadonlySet<string>): { ok: true; sql: string } | { ok: false; error: string } {
	let source: string;
	try {
		source = bindVariables(cell.source, variables);
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
	if (!cell.name) {
		const statements = splitStatements(source);
		return statements.length ? { ok: true, sql: statements.map((s) => `${s.trim()};`).join('\n') } : { ok: false, error: 'it is empty' };
	}
	if (!isSingleQuery(source)) return { ok: false, error: 'a named cell must be one query (SELECT, WITH, FROM, VALUES…)' };
	return { ok: true, sql: namedCellSql(cell.name, splitStatements(source)[0].trim(), cellStorage(cell)) };
}

function namedCellSql(name: string, query: string, storage: CellStorage): string {
	// The newline before ')' keeps a trailing line comment in the query from eating it.
	return `CREATE OR REPLACE ${storage === 'view' ? 'VIEW' : 'TABLE'} ${qualified(CELL_SCHEMA, name)} AS (\n${query}\n);`;
}

/** `SET VARIABLE` for an input's current value; null if the input reads nothing into SQL. */
function setVariable(cell: CellData): { ok: true; sql: string } | { ok: false; error: string } {
	let spec: unknown;
	try {
		spec = JSON.parse(cell.source);
	} catch (error) {
		return { ok: false, error: `not JSON (${(error as Error).message})` };
	}
	const checked = validateInputSpec(spec);
	if (!checked.ok) return checked;
	const value = checked.spec.value;
	// The app binds every number as a DOUBLE parameter (DuckDB-WASM's binding of a JS number).
	const literal = typeof value === 'number' ? `CAST(${value} AS DOUBLE)` : quoteString(value);
	return { ok: true, sql: `SET VARIABLE ${quoteIdent(cell.name!.toLowerCase())} = ${literal};` };
}

function commentOut(text: string): string {
	return text
		.split(/\r?\n/)
		.map((line) => (line ? `-- ${line}` : '--'))
		.join('\n');
}

function countKinds(cells: readonly CellData[]): string {
	const counts = new Map<string, number>();
	for (const c of cells) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
	return [...counts].map(([kind, n]) => `${n} ${kind} cell${n === 1 ? '' : 's'}`).join(', ');
}
