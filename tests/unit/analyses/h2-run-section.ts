// Runs a notebook section as the app would: parse it strictly, bind each input's default value
// to a DuckDB variable, run the SQL cells in document order as tables, render-check the charts.
import { plotOptions } from '../../../src/lib/charts/plot-options';
import { quoteString } from '../../../src/lib/data/sql';
import type { QueryResult } from '../../../src/lib/data/value';
import { parseNotebook, validateChartSpec, validateInputSpec } from '../../../src/lib/notebook';
import { tokenizeSql } from '../../../src/lib/notebook/sql-tokens';
import type { WasmTestClient } from '../support/wasm-client';

const FRONT_MATTER = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: Section test\n---\n\n';

export interface SectionRun {
	/** Every named SQL cell's full result, by cell name. */
	tables: Map<string, QueryResult>;
	/** Chart cell names, each checked against its data cell's columns. */
	charts: string[];
	/** Input cell names with their default values. */
	inputs: Map<string, string | number>;
}

/** `$name` → `getvariable('name')`, outside strings, quoted names and comments. */
export function bindVariables(sql: string): string {
	let out = '';
	let at = 0;
	for (const token of tokenizeSql(sql)) {
		if (token.kind !== 'variable') continue;
		const name = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(token.start))![1];
		out += sql.slice(at, token.start) + `getvariable(${quoteString(name.toLowerCase())})`;
		at = token.start + 1 + name.length;
	}
	return out + sql.slice(at);
}

/** A section's text as a whole notebook, parsed strictly. */
export function parseSection(section: string) {
	return parseNotebook(FRONT_MATTER + section, { mode: 'strict' });
}

/** Cell tables live in schema nb, searched before main, as the cell runner does. */
export async function runSection(db: WasmTestClient, section: string): Promise<SectionRun> {
	const doc = parseSection(section);
	await db.exec(`CREATE SCHEMA IF NOT EXISTS nb`);
	await db.exec(`SET search_path = 'nb,main'`);
	const run: SectionRun = { tables: new Map(), charts: [], inputs: new Map() };
	for (const cell of doc.cells) {
		if (cell.kind === 'input') {
			const checked = validateInputSpec(JSON.parse(cell.source));
			if (!checked.ok) throw new Error(`input ${cell.name}: ${checked.error}`);
			const value = checked.spec.value;
			run.inputs.set(cell.name!, value);
			await db.exec(`SET VARIABLE ${cell.name} = ${typeof value === 'number' ? String(value) : quoteString(value)}`);
		} else if (cell.kind === 'sql') {
			if (cell.name === null) throw new Error(`unnamed SQL cell:\n${cell.source}`);
			await db.exec(`CREATE OR REPLACE TABLE nb.${cell.name} AS (\n${bindVariables(cell.source)}\n)`);
			run.tables.set(cell.name, await db.query(`SELECT * FROM nb.${cell.name}`));
		} else if (cell.kind === 'chart') {
			const checked = validateChartSpec(JSON.parse(cell.source));
			if (!checked.ok) throw new Error(`chart ${cell.name}: ${checked.error}`);
			const data = run.tables.get(checked.spec.data);
			if (!data) throw new Error(`chart ${cell.name} reads ${checked.spec.data}, which is not an earlier SQL cell`);
			// The renderer's own mapping throws on a channel naming a missing column.
			plotOptions(checked.spec, data.columns, data.rows, 640);
			run.charts.push(cell.name ?? '(unnamed chart)');
		}
	}
	return run;
}
