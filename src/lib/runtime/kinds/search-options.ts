// The choices of a search input live in a cell's table (columns `value` and `label`), which may
// hold hundreds of thousands of rows: they are searched in DuckDB as the user types, never
// loaded into the page whole.
import { quoteIdent, quoteString } from '../../data/sql';
import type { SqlClient } from '../../data/sql-client';
import { CELL_SCHEMA } from '../results-cache';

/** Choices shown for one search at most; typing more narrows them. */
export const SEARCH_LIMIT = 50;

const tableOf = (cell: string) => `${quoteIdent(CELL_SCHEMA)}.${quoteIdent(cell.toLowerCase())}`;

/**
 * Choices whose label holds every word typed (any case), in the table's own order (the options
 * cell sorts them, e.g. most bought first).
 */
export function searchOptionsSql(cell: string, text: string, limit = SEARCH_LIMIT): string {
	const words = text.toLowerCase().split(/\s+/).filter(Boolean);
	const where = words.length ? `WHERE ${words.map((w) => `contains(lower(label), ${quoteString(w)})`).join(' AND ')}` : '';
	return `SELECT CAST(value AS VARCHAR) AS value, CAST(label AS VARCHAR) AS label FROM (SELECT value, label, rowid AS position FROM ${tableOf(cell)}) ${where} ORDER BY position LIMIT ${limit}`;
}

export interface SearchChoice {
	value: string;
	label: string;
}

export async function searchOptions(client: SqlClient, cell: string, text: string, signal?: AbortSignal): Promise<SearchChoice[]> {
	const { rows } = await client.query(searchOptionsSql(cell, text), { signal });
	return rows.map(([value, label]) => ({ value: String(value), label: String(label ?? value) }));
}

/**
 * The label of `value` among the choices of `cell`, or an error naming what is wrong: the
 * options table lacks a column, or the value is not one of its choices (e.g. a product of
 * another data set). An empty value is "none chosen" and always valid.
 */
export async function checkSearchValue(client: SqlClient, cell: string, value: string, signal?: AbortSignal): Promise<string | null> {
	let rows;
	try {
		({ rows } = await client.query(
			`SELECT CAST(label AS VARCHAR) FROM ${tableOf(cell)} WHERE CAST(value AS VARCHAR) = ${quoteString(value)} LIMIT 1`,
			{ signal }
		));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (/column|not found/i.test(message)) {
			throw new Error(`the choices of a search input come from a table with columns value and label; \`${cell}\` has no such columns (${message.split('\n')[0]})`);
		}
		throw error;
	}
	if (value === '') return null;
	if (rows.length === 0) throw new Error(`${JSON.stringify(value)} is not one of the choices in \`${cell}\`: pick another, or clear the box for the default`);
	return String(rows[0][0] ?? value);
}
