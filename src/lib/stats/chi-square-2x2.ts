import { chiSquareSurvival } from './distributions';
import { checkInteger } from './validate';

/** A 2×2 table of counts [[a, b], [c, d]]: rows are groups, columns outcomes (e.g. converted, not). */
export type Table2x2 = [[number, number], [number, number]];

export interface ChiSquare2x2Options {
	/** Yates' continuity correction; default false (then the statistic is the two-proportion z²). */
	yates?: boolean;
}

export interface ChiSquareTest {
	statistic: number;
	df: number;
	pValue: number;
	/** Expected counts under independence, same shape as the table. */
	expected: number[][];
	yates: boolean;
}

/**
 * Pearson's chi-square test of independence in a 2×2 table, df = 1: Σ (|O − E| − c)² / E with
 * E = row total × column total / N, and c = 0 or, with Yates' correction, min(0.5, |O − E|)
 * (the form of R's chisq.test, whose default is correct = TRUE; ours is uncorrected).
 */
export function chiSquare2x2(table: Table2x2, options: ChiSquare2x2Options = {}): ChiSquareTest {
	const yates = options.yates ?? false;
	if (!Array.isArray(table) || table.length !== 2 || table.some((row) => !Array.isArray(row) || row.length !== 2)) {
		throw new Error(`invalid table: ${JSON.stringify(table)} (must be [[a, b], [c, d]])`);
	}
	table.forEach((row, i) => row.forEach((v, j) => checkInteger(`table[${i}][${j}]`, v, 0)));
	const rows = table.map((row) => row[0] + row[1]);
	const cols = [table[0][0] + table[1][0], table[0][1] + table[1][1]];
	const total = rows[0] + rows[1];
	if (rows.includes(0) || cols.includes(0)) {
		throw new Error(`invalid table: ${JSON.stringify(table)} (every row and column total must be > 0)`);
	}
	const expected = rows.map((r) => cols.map((c) => (r * c) / total));
	let statistic = 0;
	for (let i = 0; i < 2; i++) {
		for (let j = 0; j < 2; j++) {
			const gap = Math.abs(table[i][j] - expected[i][j]);
			const corrected = yates ? gap - Math.min(0.5, gap) : gap;
			statistic += (corrected * corrected) / expected[i][j];
		}
	}
	return { statistic, df: 1, pValue: chiSquareSurvival(statistic, 1), expected, yates };
}
