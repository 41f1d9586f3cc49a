// Stats and model specs are JSON whose values may be read from the notebook: `"$alpha"` is the
// input variable alpha, `"plan.baseline"` the column baseline of the cell table plan (its first
// row for a number, every row for a column of numbers). References for the graph and the reads
// at run time come from these same two rules.
import { noReferences, type CellReferences } from '../../notebook';
import { columnarClient } from '../../data/columnar-client';
import { quoteIdent, quoteString } from '../../data/sql';
import type { RunContext } from './cell-kind';

const VARIABLE = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;
const COLUMN = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

export type SpecRead = Pick<RunContext, 'client' | 'signal' | 'variables'>;

/** The variables and tables named by any string value in `spec`, at any depth. */
export function specReferences(spec: unknown): CellReferences {
	const refs = noReferences();
	const visit = (value: unknown) => {
		if (typeof value === 'string') {
			const variable = VARIABLE.exec(value);
			if (variable) refs.variables.add(variable[1].toLowerCase());
			const column = COLUMN.exec(value);
			if (column) refs.tables.add(column[1].toLowerCase());
		} else if (Array.isArray(value)) value.forEach(visit);
		else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
	};
	visit(spec);
	return refs;
}

/** The variable `$name`'s value; an error naming the fix when no input defines it. */
async function readVariable(name: string, ctx: SpecRead): Promise<unknown> {
	if (!ctx.variables.has(name.toLowerCase())) throw new Error(`$${name} is not defined: add an input cell named ${name}, or fix the name`);
	const { rows } = await ctx.client.query(`SELECT getvariable(${quoteString(name.toLowerCase())})`, { signal: ctx.signal });
	return rows[0]?.[0];
}

/** A number: written in the spec, an input's `$name`, or `table.column` (its first row). */
export async function readNumber(value: unknown, param: string, ctx: SpecRead): Promise<number> {
	let read: unknown = value;
	let from = '';
	if (typeof value === 'string') {
		const variable = VARIABLE.exec(value);
		const column = COLUMN.exec(value);
		if (variable) {
			read = await readVariable(variable[1], ctx);
			from = ` ($${variable[1]})`;
		} else if (column) {
			const [, table, col] = column;
			const { rows } = await ctx.client.query(`SELECT ${quoteIdent(col)} FROM ${quoteIdent(table)} LIMIT 1`, { signal: ctx.signal });
			if (rows.length === 0) throw new Error(`invalid ${param}: ${value} has no rows`);
			read = rows[0][0];
			from = ` (${value})`;
		} else {
			read = Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : value;
		}
	}
	const number = typeof read === 'string' && read.trim() !== '' ? Number(read) : read;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new Error(`invalid ${param}: ${JSON.stringify(read ?? null)}${from} is not a number; write a number, "$input" or "table.column"`);
	}
	return number;
}

/** Text: written in the spec or an input's `$name`. */
export async function readText(value: unknown, param: string, ctx: SpecRead): Promise<string> {
	if (typeof value !== 'string') throw new Error(`invalid ${param}: ${JSON.stringify(value)} (expected text)`);
	const variable = VARIABLE.exec(value);
	return variable ? String(await readVariable(variable[1], ctx)) : value;
}

/** Every value of `table.column` as numbers (NULL as NaN), or a list written in the spec. */
export async function readColumn(value: unknown, param: string, ctx: SpecRead): Promise<Float64Array> {
	if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return Float64Array.from(value as number[]);
	const column = typeof value === 'string' ? COLUMN.exec(value) : null;
	if (!column) throw new Error(`invalid ${param}: ${JSON.stringify(value)} (expected "table.column" or a list of numbers)`);
	const [, table, col] = column;
	const client = columnarClient(ctx.client, `reading ${value}`);
	const read = await client.readColumns(`SELECT CAST(${quoteIdent(col)} AS DOUBLE) FROM ${quoteIdent(table)}`, { signal: ctx.signal });
	return read.arrays[0] as Float64Array;
}
