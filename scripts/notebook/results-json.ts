// The JSON a headless run writes (README, "Headless runs"). Values arrive from the page already
// converted (src/lib/data/arrow-convert.ts: numbers where the double is exact, strings for
// 64-bit ids and big decimals) but still as JS values: Dates and non-finite doubles have no
// faithful JSON form, so they become strings here, once.
import type { CellReport } from '../../src/lib/runtime/cell-report';

export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface DatasetFileJson {
	name: string;
	bytes: number;
	rows: number;
	rejectedLines: number;
	invalidRows: number;
}

/** A cell as the page reports it (window.cin.cells), with values made JSON. */
export type CellJson = Omit<CellReport, 'rows'> & { rows: JsonValue[][] };

export interface ResultsJson {
	dataset: { rows: number; files: DatasetFileJson[] };
	cells: CellJson[];
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** One value as JSON: DATE columns as `YYYY-MM-DD`, other times as ISO 8601 (UTC). */
export function jsonValue(value: unknown, type = ''): JsonValue {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return null;
		const iso = value.toISOString();
		return type === 'DATE' ? iso.slice(0, 10) : iso;
	}
	if (typeof value === 'number') return Number.isFinite(value) ? value : String(value); // NaN, Infinity
	if (typeof value === 'bigint') return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	if (Array.isArray(value)) return value.map((v) => jsonValue(v, type.endsWith('[]') ? type.slice(0, -2) : ''));
	if (typeof value === 'object') {
		return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonValue(v)]));
	}
	return String(value);
}

export function cellJson(report: CellReport): CellJson {
	const types = report.columns.map((c) => c.type);
	return {
		name: report.name,
		kind: report.kind,
		status: report.status,
		error: report.error,
		ms: report.ms === null ? null : Math.round(report.ms),
		rowCount: report.rowCount,
		columns: report.columns.map((c) => ({ name: c.name, type: c.type })),
		rows: report.rows.map((row) => row.map((v, i) => jsonValue(v, types[i])))
	};
}

/** The dataset's files from `main.ingest_files` rows (file, source_bytes, rows, rejected_lines,
 *  invalid_rows): insertion order is the ingest order, as DuckDB keeps it for a plain scan. */
export function datasetFilesJson(rows: readonly (readonly unknown[])[]): DatasetFileJson[] {
	return rows.map((r) => ({ name: String(r[0]), bytes: Number(r[1]), rows: Number(r[2]), rejectedLines: Number(r[3]), invalidRows: Number(r[4]) }));
}

/** Cells that did not finish: the reason a headless run exits non-zero. */
export function failedCells(cells: readonly CellJson[]): CellJson[] {
	return cells.filter((c) => c.status === 'error' || c.status === 'upstream-error');
}

/** The results as JSON text, one cell header and one row per line: readable, and diffs well. */
export function formatResultsJson(results: ResultsJson): string {
	const cells = results.cells.map(({ rows, ...head }) => {
		const fields = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ');
		const body = rows.length ? `\n${rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n   ` : '';
		return `  {${fields},\n   "rows": [${body}]}`;
	});
	return `{\n "dataset": ${JSON.stringify(results.dataset)},\n "cells": [\n${cells.join(',\n')}\n ]\n}\n`;
}
