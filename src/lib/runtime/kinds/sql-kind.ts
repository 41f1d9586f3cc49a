// SQL cells. A named cell materialises its query as the table `nb.<name>` (persisted in the
// dataset's database, so dependants read it and a reload can reuse it), or defines it as the
// view `nb.<name>` when the cell is stored as a view; an unnamed cell streams its rows into
// memory, capped, and may hold any statements.
import { cellStorage, sqlReferences, type CellData } from '../../notebook';
import type { SqlClient } from '../../data/sql-client';
import { isSingleQuery, splitStatements, stripComments } from '../../data/statements';
import { bindVariables } from '../bind-variables';
import { LOCAL_ROW_LIMIT, type CellOutput } from '../cell-output';
import { isStorageClash } from '../results-cache';
import type { CellKind, RunContext } from './cell-kind';
import { previewSql, savedTableOutput, tableOutput } from './table-output';

export const sqlKind: CellKind = {
	kind: 'sql',
	defines: 'table',
	template: 'SELECT *\nFROM events\nLIMIT 100',
	references: (cell) => sqlReferences(cell.source),
	// SQL is checked by DuckDB when it runs; a file cannot know the tables it will find.
	check: () => null,
	writes: (cell) => (cell.name ? [cell.name] : []),
	reusable: (cell, shown, { tables, fingerprint }) => {
		const saved = cell.name === null ? undefined : tables.get(cell.name);
		return shown?.kind === 'table' && saved?.fingerprint === fingerprint && saved.storage === cellStorage(cell);
	},
	async run(cell, ctx) {
		const source = bindVariables(cell.source, ctx.variables);
		return cell.name ? runNamed(cell, cell.name, source, ctx) : runUnnamed(ctx.client, source, ctx.signal);
	}
};

async function runNamed(cell: CellData, name: string, source: string, ctx: RunContext): Promise<CellOutput> {
	const { client, cache, signal } = ctx;
	const saved = await savedTableOutput(name, ctx, [], cellStorage(cell));
	if (saved) return saved;
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
	const statements = cache.materialiseSql(name, query, ctx.fingerprint, cellStorage(cell)) + previewSql(name);
	let preview;
	try {
		preview = await client.query(statements, { signal });
	} catch (error) {
		// The cell switched between table and view since `nb.<name>` was made, which DuckDB
		// will not replace in place: the old one goes first (rare, so not checked on every run).
		if (!isStorageClash(error)) throw error;
		await cache.drop(name);
		preview = await client.query(statements, { signal });
	}
	return tableOutput(cache, name, preview, null, false, signal);
}

async function runUnnamed(client: SqlClient, source: string, signal: AbortSignal): Promise<CellOutput> {
	if (stripComments(source).trim() === '') return { kind: 'none' };
	const result = await client.query(source, { signal, maxRows: LOCAL_ROW_LIMIT });
	return { kind: 'rows', ...result };
}

