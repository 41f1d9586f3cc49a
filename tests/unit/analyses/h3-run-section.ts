// Runs a notebook section the way the notebook would, on a test engine: every input cell binds
// its default value as a DuckDB variable, every SQL cell (in document order) becomes the table
// it names with `$name` read through getvariable('name'), and every chart must read an earlier
// cell and name only its columns (checked by the renderer's own option builder).
import { plotOptions } from '../../../src/lib/charts/plot-options';
import { quoteString } from '../../../src/lib/data/sql';
import type { QueryResult } from '../../../src/lib/data/value';
import { parseNotebook, validateChartSpec, validateInputSpec, type CellData } from '../../../src/lib/notebook';
import { tokenizeSql } from '../../../src/lib/notebook/sql-tokens';
import type { WasmTestClient } from '../support/wasm-client';

const FRONT_MATTER = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Section under test\n---\n\n';

export interface SectionRun {
	cells: CellData[];
	/** Each SQL cell's table, read back in full. */
	tables: Map<string, QueryResult>;
}

/** `$name` tokens (not those inside strings or comments) as getvariable('name'). */
export function withVariables(sql: string, defined: ReadonlySet<string>): string {
	let out = '';
	let at = 0;
	for (const token of tokenizeSql(sql)) {
		if (token.kind !== 'variable') continue;
		if (!defined.has(token.value)) throw new Error(`variable $${token.value} is not defined by an earlier input cell`);
		out += sql.slice(at, token.start) + `getvariable(${quoteString(token.value)})`;
		at = token.start + 1 + token.value.length;
	}
	return out + sql.slice(at);
}

export async function runSection(db: WasmTestClient, section: string): Promise<SectionRun> {
	const doc = parseNotebook(FRONT_MATTER + section, { mode: 'strict' });
	const variables = new Set<string>();
	const tables = new Map<string, QueryResult>();
	for (const cell of doc.cells) {
		if (cell.kind === 'input') {
			const checked = validateInputSpec(JSON.parse(cell.source));
			if (!checked.ok || cell.name === null) throw new Error(`input cell ${cell.name}: ${checked.ok ? 'no name' : checked.error}`);
			const value = checked.spec.value;
			await db.exec(`SET VARIABLE ${cell.name} = ${typeof value === 'number' ? String(value) : quoteString(value)}`);
			variables.add(cell.name.toLowerCase());
		} else if (cell.kind === 'sql') {
			if (cell.name === null) throw new Error(`unnamed SQL cell: ${cell.source.slice(0, 60)}`);
			try {
				await db.exec(`CREATE OR REPLACE TABLE ${cell.name} AS (\n${withVariables(cell.source, variables)}\n)`);
			} catch (error) {
				throw new Error(`cell ${cell.name}: ${(error as Error).message}`);
			}
			tables.set(cell.name, await db.query(`SELECT * FROM ${cell.name}`));
		} else if (cell.kind === 'chart') {
			const checked = validateChartSpec(JSON.parse(cell.source));
			if (!checked.ok) throw new Error(`chart ${cell.name}: ${checked.error}`);
			const data = tables.get(checked.spec.data);
			if (data === undefined) throw new Error(`chart ${cell.name} reads ${checked.spec.data}, which no earlier SQL cell defines`);
			plotOptions(checked.spec, data.columns, data.rows, 640);
		}
	}
	return { cells: doc.cells, tables };
}

/** A result's rows as objects keyed by column name. */
export function rowsOf(result: QueryResult | undefined): Record<string, unknown>[] {
	if (result === undefined) throw new Error('no such table');
	return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
}
