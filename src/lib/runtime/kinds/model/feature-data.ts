// A model's users move from their cell tables to the trainer as typed arrays: features as
// FLOAT (NULL → NaN, read as missing), labels as 0/1 bytes, ids as integers. Never row objects.
import { columnarClient, type NumericArray } from '../../../data/columnar-client';
import { quoteIdent, quoteString } from '../../../data/sql';
import type { SqlClient } from '../../../data/sql-client';
import type { FeatureMatrix } from '../../../model/feature-matrix';
import { CELL_SCHEMA } from '../../results-cache';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|BOOLEAN)$/;

export interface Users {
	matrix: FeatureMatrix;
	labels: Uint8Array;
	ids: Int32Array | Float64Array;
}

/** The numeric columns of the cell table `table` but the id and the label, in table order. */
export async function numericFeatures(client: SqlClient, table: string, exclude: string[], signal?: AbortSignal): Promise<string[]> {
	const { rows } = await client.query(
		`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ${quoteString(CELL_SCHEMA)} AND table_name = ${quoteString(table)} ORDER BY column_index`,
		{ signal }
	);
	if (rows.length === 0) throw new Error(`no cell table \`${table}\`: name the cell whose users the model reads`);
	const skip = new Set(exclude.map((c) => c.toLowerCase()));
	const features = rows.filter((r) => NUMERIC.test(String(r[1])) && !skip.has(String(r[0]).toLowerCase())).map((r) => String(r[0]));
	if (features.length === 0) throw new Error(`\`${table}\` has no numeric column besides ${exclude.join(' and ')} to use as a feature`);
	return features;
}

/** The SQL that reads users for the trainer; `where` filters them (e.g. one user to explain). */
export function usersSql(table: string, id: string, label: string, features: string[], where = ''): string {
	const list = features.map((f) => `CAST(${quoteIdent(f)} AS FLOAT) AS ${quoteIdent(f)}`).join(', ');
	return `SELECT CAST(${quoteIdent(id)} AS BIGINT) AS id, CAST(${quoteIdent(label)} AS UTINYINT) AS label, ${list}
FROM ${quoteIdent(CELL_SCHEMA)}.${quoteIdent(table)}${where ? ` WHERE ${where}` : ''}
ORDER BY 1`;
}

/** Reads the users of `table`; a label other than 0/1 or NULL is refused naming the column. */
export async function readUsers(client: SqlClient, table: string, id: string, label: string, features: string[], signal?: AbortSignal, where = ''): Promise<Users> {
	const [bad] = (
		await client.query(`SELECT count(*) FROM ${quoteIdent(CELL_SCHEMA)}.${quoteIdent(table)} WHERE ${quoteIdent(label)} IS NULL OR ${quoteIdent(label)} NOT IN (0, 1)`, { signal })
	).rows;
	if (Number(bad[0]) > 0) throw new Error(`column ${label} of \`${table}\` must be 0 or 1 for every user; ${bad[0]} rows are not`);
	const read = await columnarClient(client, 'a model cell').readColumns(usersSql(table, id, label, features, where), { signal });
	const [ids, labels, ...columns] = read.arrays;
	return {
		ids: compactIds(ids as Float64Array),
		labels: labels as Uint8Array,
		matrix: { names: [...features], columns: columns as Float32Array[], rows: read.rows }
	};
}

/** Ids as 32-bit integers when they all fit (a smaller table, and it joins the features' INTEGER ids). */
function compactIds(ids: NumericArray): Int32Array | Float64Array {
	for (const v of ids) if (!Number.isInteger(v) || v > 2147483647 || v < -2147483648) return ids as Float64Array;
	return Int32Array.from(ids);
}
