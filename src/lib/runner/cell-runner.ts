// Runs one cell against DuckDB. A named SQL cell materialises its query as table `nb.<name>`
// (persisted in the OPFS database, so dependants read it and a reload can reuse it); an
// unnamed cell streams its rows into memory; a chart reads the rows of the cell it names.
import type { CellData, RunCell } from '../notebook';
import { validateChartSpec } from '../notebook/chart-spec';
import { validateInputSpec } from '../notebook/input-spec';
import { bindVariables } from './bind-variables';
import type { SqlClient } from '../data/sql-client';
import { isSingleQuery, splitStatements, stripComments } from '../data/statements';
import { qualified, quoteIdent, quoteString } from '../data/sql';
import { CHART_ROW_LIMIT, LOCAL_ROW_LIMIT, PREVIEW_ROWS, type CellOutput } from './cell-output';
import type { SavedTable } from './saved-tables';
import type { QueryResult } from '../data/value';

/** Schema holding the tables cells define; searched before `main`, where datasets live. */
export const CELL_SCHEMA = 'nb';
const META = qualified(CELL_SCHEMA, '_cells');

export const CELL_SCHEMA_SETUP = [
	`CREATE SCHEMA IF NOT EXISTS ${CELL_SCHEMA}`,
	`CREATE TABLE IF NOT EXISTS ${META} (name VARCHAR PRIMARY KEY, fingerprint VARCHAR, row_count BIGINT, built_at TIMESTAMP)`,
	`SET search_path = '${CELL_SCHEMA},main'`
];

export interface CellRunnerOptions {
	client: SqlClient;
	/** Fingerprint of a cell as of now (see fingerprint.ts). */
	fingerprint: (cell: CellData) => string;
	/** Lower-cased names of the notebook's input cells: the variables SQL may read as `$name`. */
	variables?: () => ReadonlySet<string>;
	/** What a run that is not forced may reuse without a query (reopening a dataset), or null. */
	saved?: () => SavedResults | null;
}

export interface SavedResults {
	/** Every cell table the database holds, read in one query (saved-tables.ts). */
	tables: ReadonlyMap<string, SavedTable>;
	/** Outputs shown from the last session, by fingerprint (output-snapshot.ts). */
	outputs: ReadonlyMap<string, CellOutput>;
}

export function createCellRunner({ client, fingerprint, variables = () => new Set(), saved = () => null }: CellRunnerOptions): RunCell<CellOutput> {
	return async (cell, { signal, force }) => {
		switch (cell.kind) {
			case 'sql': {
				const bound = { ...cell, source: bindVariables(cell.source, variables()) };
				return cell.name
					? runNamedSql(client, bound as CellData & { name: string }, fingerprint(cell), force ? null : saved(), force, signal)
					: runUnnamedSql(client, bound, signal);
			}
			case 'chart': {
				// Same fingerprint, same rows: the chart reads a table that is itself current.
				const shown = force ? undefined : saved()?.outputs.get(fingerprint(cell));
				if (shown?.kind === 'chart') return shown;
				return runChart(client, cell, signal);
			}
			case 'input':
				return setInputVariable(client, cell);
			default:
				return { kind: 'none' };
		}
	};
}

/** Sets the input's variable; cheap, so it runs on every notebook run (variables do not persist). */
export async function setInputVariable(client: SqlClient, cell: CellData): Promise<CellOutput> {
	if (!cell.name) throw new Error('an input cell needs a name: it is the variable SQL cells read as $name');
	let parsed: unknown;
	try {
		parsed = JSON.parse(cell.source);
	} catch (error) {
		throw new Error(`input spec is not valid JSON: ${(error as Error).message}`);
	}
	const checked = validateInputSpec(parsed);
	if (!checked.ok) throw new Error(checked.error);
	await client.setVariable(cell.name.toLowerCase(), checked.spec.value);
	return { kind: 'input', spec: checked.spec };
}

async function runNamedSql(
	client: SqlClient,
	cell: CellData & { name: string },
	fp: string,
	saved: SavedResults | null,
	force: boolean,
	signal: AbortSignal
): Promise<CellOutput> {
	const table = qualified(CELL_SCHEMA, cell.name);
	if (saved) {
		const known = saved.tables.get(cell.name);
		if (known?.fingerprint === fp) {
			const shown = saved.outputs.get(fp);
			if (shown?.kind === 'table' && shown.table === cell.name) return { ...shown, rowCount: known.rowCount, cached: true };
			return describeTable(client, cell.name, known.rowCount, true, signal);
		}
	} else if (!force) {
		const cached = await client.query(
			`SELECT m.row_count FROM ${META} m JOIN duckdb_tables() t ON t.schema_name = ${quoteString(CELL_SCHEMA)} AND t.table_name = m.name
			 WHERE m.name = ${quoteString(cell.name)} AND m.fingerprint = ${quoteString(fp)}`,
			{ signal }
		);
		if (cached.rows.length === 1) return describeTable(client, cell.name, Number(cached.rows[0][0]), true, signal);
	}
	if (!isSingleQuery(cell.source)) {
		throw new Error(
			`cell \`${cell.name}\` defines a table, so its SQL must be one query (SELECT, WITH, FROM, VALUES…). ` +
				`To run other statements, clear the cell's name.`
		);
	}
	const [query] = splitStatements(cell.source); // without the trailing `;` and comments after it
	// The newline before ')' keeps a trailing line comment in the query from eating it.
	// The table, its metadata and the preview in one request: a query to the worker costs the
	// page several messages, each waiting its turn on a main thread that is busy rendering the
	// cells before. The result is the last statement's: the preview. Most results are small
	// enough to count from it.
	const preview = await client.query(
		`CREATE OR REPLACE TABLE ${table} AS (\n${query}\n);\n` +
			`INSERT OR REPLACE INTO ${META} SELECT ${quoteString(cell.name)}, ${quoteString(fp)}, count(*), now()::TIMESTAMP FROM ${table};\n` +
			previewSql(cell.name),
		{ signal }
	);
	return tableOutput(client, cell.name, preview, null, false, signal);
}

const previewSql = (name: string) => `SELECT * FROM ${qualified(CELL_SCHEMA, name)} LIMIT ${PREVIEW_ROWS}`;

async function describeTable(
	client: SqlClient,
	name: string,
	rowCount: number,
	cached: boolean,
	signal: AbortSignal
): Promise<CellOutput> {
	const preview = await client.query(previewSql(name), { signal });
	return tableOutput(client, name, preview, rowCount, cached, signal);
}

/** `rowCount` null: read it from the metadata unless the preview already holds every row. */
async function tableOutput(
	client: SqlClient,
	name: string,
	preview: QueryResult,
	rowCount: number | null,
	cached: boolean,
	signal: AbortSignal
): Promise<CellOutput> {
	let count = rowCount;
	if (count === null) {
		count =
			preview.rows.length < PREVIEW_ROWS
				? preview.rows.length
				: Number((await client.query(`SELECT row_count FROM ${META} WHERE name = ${quoteString(name)}`, { signal })).rows[0][0]);
	}
	return { kind: 'table', schema: CELL_SCHEMA, table: name, columns: preview.columns, rowCount: count, preview: preview.rows, cached };
}

async function runUnnamedSql(client: SqlClient, cell: CellData, signal: AbortSignal): Promise<CellOutput> {
	if (stripComments(cell.source).trim() === '') return { kind: 'none' };
	const result = await client.query(cell.source, { signal, maxRows: LOCAL_ROW_LIMIT });
	return { kind: 'rows', ...result };
}

async function runChart(client: SqlClient, cell: CellData, signal: AbortSignal): Promise<CellOutput> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(cell.source);
	} catch (error) {
		throw new Error(`chart spec is not valid JSON: ${(error as Error).message}`);
	}
	const checked = validateChartSpec(parsed);
	if (!checked.ok) throw new Error(checked.error);
	const spec = checked.spec;
	// Unqualified, so the search path finds a cell's table first, then a dataset table.
	const result = await client.query(`SELECT * FROM ${quoteIdent(spec.data)} LIMIT ${CHART_ROW_LIMIT + 1}`, { signal });
	const truncated = result.rows.length > CHART_ROW_LIMIT;
	return { kind: 'chart', spec, columns: result.columns, rows: result.rows.slice(0, CHART_ROW_LIMIT), truncated };
}
