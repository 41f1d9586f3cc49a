// `npm run notebook -- export-sql [notebook.md] --out notebook.sql [--db store.duckdb]`: the
// notebook's SQL cells as one DuckDB script (src/lib/runtime/export-sql.ts). With --db, the
// store's event partitions are read from the database and attached at the top of the script,
// under the paths the DuckDB CLI will resolve from where it runs (the path of --db as given).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STARTER_NOTEBOOK } from '../../src/lib/app/starter-notebook';
import { companionPath } from '../../src/lib/data/companion-databases';
import { errorMessage } from '../../src/lib/data/error-message';
import { openNotebookFile } from '../../src/lib/runtime';
import { exportSql, type AttachedFile, type ExportedSql } from '../../src/lib/runtime/export-sql';
import { readEventPartitions } from '../../src/lib/store/event-partitions';
import { NativeSqlClient } from '../bench/native-sql-client';
import { NotebookImportError } from './import-notebook';
import type { ExportSqlArgs } from './notebook-args';

export async function exportSqlFile(args: ExportSqlArgs): Promise<ExportedSql> {
	let text = STARTER_NOTEBOOK;
	let name = 'the default notebook';
	if (args.notebook) {
		name = path.basename(args.notebook);
		try {
			text = readFileSync(args.notebook, 'utf8');
		} catch (error) {
			throw new NotebookImportError(`cannot read ${args.notebook}: ${errorMessage(error)}`);
		}
	}
	const opened = openNotebookFile(text, name);
	if (!opened.ok) throw new NotebookImportError(opened.message);
	return exportSql(opened.doc, { attach: args.db ? await storePartitions(args.db) : undefined });
}

async function storePartitions(db: string): Promise<AttachedFile[]> {
	if (!existsSync(db)) throw new Error(`--db ${db} does not exist: make it with npm run notebook -- run --engine native --db ${db}`);
	const { client, close } = await NativeSqlClient.open(path.resolve(db), { threads: 1 });
	try {
		const partitions = await readEventPartitions(client);
		if (partitions.length === 0) throw new Error(`${db} holds no event partitions: is it a store made by npm run notebook -- run --engine native --db?`);
		return partitions.map((name) => ({ name, path: companionPath(db, name) }));
	} finally {
		close();
	}
}
