// The top share k changes only the @k metrics. With the saved scores of every model (and the
// labels) in `<name>_scores`, they are recomputed from the scores, without training again.
import { columnarClient } from '../../../data/columnar-client';
import { quoteIdent } from '../../../data/sql';
import { rankScores } from '../../../model/rank-scores';
import { topK } from '../../../model/top-k';
import { CELL_SCHEMA } from '../../results-cache';
import type { RunContext } from '../cell-kind';
import type { ResultTable, ResultValue } from '../result-table';
import { RANDOM_GBDT, TEMPORAL_GBDT, TEMPORAL_LOGISTIC } from './model-tables';

/** The score column of `<name>_scores` each model's test scores are kept in. */
export const SCORE_COLUMNS: Record<string, string> = {
	[TEMPORAL_GBDT]: 'score',
	[TEMPORAL_LOGISTIC]: 'logistic_score',
	[RANDOM_GBDT]: 'random_split_score'
};

const table = (name: string) => `${quoteIdent(CELL_SCHEMA)}.${quoteIdent(name)}`;

/** The k (in percent) the saved metrics were computed at, or null if there are none. */
export async function savedK(name: string, ctx: RunContext): Promise<number | null> {
	try {
		const { rows } = await ctx.client.query(`SELECT k FROM ${table(`${name}_metrics`)} LIMIT 1`, { signal: ctx.signal });
		return rows.length === 1 ? Number(rows[0][0]) * 100 : null;
	} catch {
		return null;
	}
}

/** The metrics tables again, with precision, lift and recall at `k` percent from the saved scores. */
export async function metricsAtK(name: string, label: string, k: number, ctx: RunContext): Promise<ResultTable[]> {
	const saved = await ctx.client.query(`SELECT * FROM ${table(`${name}_metrics`)}`, { signal: ctx.signal });
	const column = (c: string) => saved.columns.findIndex((col) => col.name === c);
	const read = await columnarClient(ctx.client, 'a model cell').readColumns(
		`SELECT CAST(${quoteIdent(label)} AS UTINYINT), ${Object.values(SCORE_COLUMNS).map((c) => `CAST(${quoteIdent(c)} AS FLOAT)`).join(', ')} FROM ${table(`${name}_scores`)}`,
		{ signal: ctx.signal }
	);
	const labels = read.arrays[0] as Uint8Array;
	const rows = saved.rows.map((row): ResultValue[] => {
		const scoreIndex = Object.values(SCORE_COLUMNS).indexOf(SCORE_COLUMNS[String(row[column('model')])]);
		if (scoreIndex < 0) return row as ResultValue[];
		const all = read.arrays[1 + scoreIndex] as Float32Array;
		// A random split scores only its own test users; the others hold NaN.
		const kept: number[] = [];
		for (let i = 0; i < all.length; i++) if (!Number.isNaN(all[i])) kept.push(i);
		const top = topK(rankScores(Float32Array.from(kept, (i) => all[i]), Uint8Array.from(kept, (i) => labels[i])), k / 100);
		const next = [...row] as ResultValue[];
		next[column('precision_at_k')] = top.precision;
		next[column('lift_at_k')] = top.lift;
		next[column('recall_at_k')] = top.recall;
		next[column('k')] = k / 100;
		return next;
	});
	const columns = saved.columns.map((c) => ({ name: c.name, type: (c.type === 'VARCHAR' ? 'VARCHAR' : c.type === 'BIGINT' ? 'BIGINT' : 'DOUBLE') as ResultTable['columns'][number]['type'] }));
	return [
		{ suffix: '', columns, rows },
		{ suffix: '_metrics', columns, rows }
	];
}
