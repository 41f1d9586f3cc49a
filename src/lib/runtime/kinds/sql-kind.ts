// SQL cells. A named cell materialises its query as the table `nb.<name>` (persisted in the
// dataset's database, so dependants read it and a reload can reuse it); an unnamed cell streams
// its rows into memory, capped, and may hold any statements.
import { sqlReferences } from '../../notebook';
import type { SqlClient } from '../../data/sql-client';
import { isSingleQuery, splitStatements, stripComments } from '../../data/statements';
import { qualified } from '../../data/sql';
import type { QueryResult } from '../../data/value';
import { bindVariables } from '../bind-variables';
import { LOCAL_ROW_LIMIT, PREVIEW_ROWS, type CellOutput } from '../cell-output';
import { CELL_SCHEMA, type ResultsCache } from '../results-cache';
import type { CellKind, RunContext } from './cell-kind';

export const sqlKind: CellKind = {
	kind: 'sql',
	defines: 'table',
	template: 'SELECT *\nFROM events\nLIMIT 100',
	references: (cell) => sqlReferences(cell.source),
	// SQL is checked by DuckDB when it runs; a file cannot know the tables it will find.
	check: () => null,
	writes: (cell) => (cell.name ? [cell.name] : []),
	reusable: (cell, shown, { tables, fingerprint }) =>
		cell.name !== null && shown?.kind === 'table' && tables.get(cell.name)?.fingerprint === fingerprint,
	async run(cell, ctx) {
		const source = bindVariables(cell.source, ctx.variables);
		return cell.name ? runNamed(cell.name, source, ctx) : runUnnamed(ctx.client, source, ctx.signal);
	}
};

async function runNamed(name: string, source: string, ctx: RunContext): Promise<CellOutput> {
	const { client, cache, signal } = ctx;
	if (!ctx.force) {
		const saved = await cache.lookup(name, ctx.fingerprint, signal);
		if (saved) {
			const shown = ctx.shownBefore;
			if (shown?.kind === 'table' && shown.table === name) return { ...shown, rowCount: saved.rowCount, cached: true };
			return tableOutput(cache, name, await client.query(previewSql(name), { signal }), saved.rowCount, true, signal);
		}
	}
	if (!isSingleQuery(source)) {
		throw new Error(
			`cell \`${name}\` defines a table, so its SQL must be one query (SELECT, WITH, FROM, VALUES…). ` +
				`To run other statements, clear the cell's name.`
		);
	}
	const [query] = splitStatements(source); // without the trailing `;` and comments after it
	// The table, its metadata and the preview in one request: a query to the worker costs the
	// page several messages, each waiting its turn on a main thread that is busy rendering the
	// cells before. The result is the last statement's: the preview.
	const preview = await client.query(cache.materialiseSql(name, query, ctx.fingerprint) + previewSql(name), { signal });
	return tableOutput(cache, name, preview, null, false, signal);
}

const previewSql = (name: string) => `SELECT * FROM ${qualified(CELL_SCHEMA, name)} LIMIT ${PREVIEW_ROWS}`;

/** `rowCount` null: read it from the metadata unless the preview already holds every row (most results). */
async function tableOutput(
	cache: ResultsCache,
	name: string,
	preview: QueryResult,
	rowCount: number | null,
	cached: boolean,
	signal: AbortSignal
): Promise<CellOutput> {
	const count = rowCount ?? (preview.rows.length < PREVIEW_ROWS ? preview.rows.length : await cache.rowCount(name, signal));
	return { kind: 'table', schema: CELL_SCHEMA, table: name, columns: preview.columns, rowCount: count, preview: preview.rows, cached };
}

async function runUnnamed(client: SqlClient, source: string, signal: AbortSignal): Promise<CellOutput> {
	if (stripComments(source).trim() === '') return { kind: 'none' };
	const result = await client.query(source, { signal, maxRows: LOCAL_ROW_LIMIT });
	return { kind: 'rows', ...result };
}

