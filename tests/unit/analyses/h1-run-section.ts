// Runs a notebook section the way the notebook would, on the fixture store: parse it strictly,
// bind each input's default with SET VARIABLE, materialise every SQL cell in document order as
// a table of its name (with `$name` read through getvariable), and check that every chart
// names an earlier cell and only columns that cell has. Every table a cell reads must be a
// store table or an earlier cell, as the notebook's reference extraction sees it.
import { plotOptions } from '../../../src/lib/charts/plot-options';
import { quoteIdent, quoteString } from '../../../src/lib/data/sql';
import { isSingleQuery, splitStatements } from '../../../src/lib/data/statements';
import type { ColumnInfo, Row } from '../../../src/lib/data/value';
import { cellReferences, parseNotebook, validateChartSpec, validateInputSpec, type CellData } from '../../../src/lib/notebook';
import { STORE_TABLES } from '../../../src/lib/store';
import type { WasmTestClient } from '../support/wasm-client';

export const FRONT_MATTER = '---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: section test\n---\n\n';

// Channels where Plot takes a string that is not a column as a constant colour; only these
// colours are accepted, so a misspelt column is not mistaken for one.
const COLOUR_CHANNELS = new Set(['fill', 'stroke']);
const COLOURS = /^(steelblue|darkorange|seagreen|firebrick|gray|black|white|currentColor|#[0-9a-f]{3}|#[0-9a-f]{6})$/;
const CHANNELS = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'fill', 'stroke', 'r', 'text', 'title', 'z', 'fx', 'fy']);

export interface SectionResult {
	cells: CellData[];
	/** Each SQL cell's table: its columns and rows. */
	tables: Map<string, { columns: ColumnInfo[]; rows: Row[] }>;
	/** Input name → default value. */
	inputs: Map<string, number | string>;
}

export async function runSection(db: WasmTestClient, section: string): Promise<SectionResult> {
	const doc = parseNotebook(FRONT_MATTER + section, { mode: 'strict' });
	const tables: SectionResult['tables'] = new Map();
	const inputs: SectionResult['inputs'] = new Map();
	for (const cell of doc.cells) {
		if (cell.kind === 'input') {
			const checked = validateInputSpec(JSON.parse(cell.source));
			if (!checked.ok || cell.name === null) throw new Error(`input cell ${cell.name}: ${checked.ok ? 'no name' : checked.error}`);
			const value = checked.spec.value;
			// As the app binds it: a JS number through a prepared-statement parameter, a DOUBLE.
			await db.exec(`SET VARIABLE ${quoteIdent(cell.name)} = ${typeof value === 'number' ? `${value}::DOUBLE` : quoteString(value)}`);
			inputs.set(cell.name.toLowerCase(), value);
		} else if (cell.kind === 'sql') {
			if (cell.name === null) throw new Error(`unnamed sql cell: ${cell.source.slice(0, 60)}`);
			if ((STORE_TABLES as readonly string[]).includes(cell.name)) throw new Error(`cell ${cell.name} would shadow the store table of that name`);
			if (!isSingleQuery(cell.source)) throw new Error(`cell ${cell.name} is not a single query`);
			// The dependency graph sees what the cell reads: store tables and earlier cells only.
			for (const table of cellReferences(cell).tables) {
				if (!(STORE_TABLES as readonly string[]).includes(table) && !tables.has(table)) {
					throw new Error(`cell ${cell.name} reads ${table}, neither a store table nor an earlier cell`);
				}
			}
			const [query] = splitStatements(cell.source);
			const bound = query.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
				if (!inputs.has(name.toLowerCase())) throw new Error(`cell ${cell.name} reads $${name}, which no earlier input defines`);
				return `getvariable(${quoteString(name.toLowerCase())})`;
			});
			try {
				await db.exec(`CREATE OR REPLACE TABLE ${quoteIdent(cell.name)} AS (\n${bound}\n)`);
			} catch (error) {
				throw new Error(`cell ${cell.name} failed: ${(error as Error).message}`);
			}
			const result = await db.query(`SELECT * FROM ${quoteIdent(cell.name)}`);
			tables.set(cell.name.toLowerCase(), { columns: result.columns, rows: result.rows });
		} else if (cell.kind === 'chart') {
			const checked = validateChartSpec(JSON.parse(cell.source));
			if (!checked.ok) throw new Error(`chart ${cell.name}: ${checked.error}`);
			const data = tables.get(checked.spec.data.toLowerCase());
			if (data === undefined) throw new Error(`chart ${cell.name} reads ${checked.spec.data}, which is not an earlier sql cell`);
			const names = new Set(data.columns.map((c) => c.name));
			for (const [i, mark] of checked.spec.marks.entries()) {
				for (const [key, value] of Object.entries(mark)) {
					if (!CHANNELS.has(key) || typeof value !== 'string' || names.has(value)) continue;
					if (!COLOUR_CHANNELS.has(key) || !COLOURS.test(value)) {
						throw new Error(`chart ${cell.name}: marks[${i}].${key} names "${value}", not a column of ${checked.spec.data} (${[...names].join(', ')})`);
					}
				}
			}
			plotOptions(checked.spec, data.columns, data.rows, 640);
		}
	}
	return { cells: doc.cells, tables, inputs };
}
