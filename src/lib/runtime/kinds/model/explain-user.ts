// Why one user got their score: each feature's contribution to the GBDT's log-odds for them,
// which with the base value sums to the raw score (contributions.ts says how).
import { quoteIdent, quoteString } from '../../../data/sql';
import { contributions } from '../../../model/contributions';
import { gbdtModelFromJson, type GbdtModelJson } from '../../../model/model-json';
import { predictGbdtRaw, sigmoid } from '../../../model/gbdt-model';
import { CELL_SCHEMA } from '../../results-cache';
import type { RunContext } from '../cell-kind';
import type { ResultTable } from '../result-table';
import { readUsers } from './feature-data';
import type { ModelSpec } from './model-spec';

/** The user to explain: the one given, or the top-scored test user when none is. */
async function chosenUser(explain: string, scoresTable: string, idColumn: string, ctx: RunContext): Promise<number> {
	if (explain.trim() !== '') {
		const id = Number(explain);
		if (!Number.isInteger(id)) throw new Error(`invalid explain: ${JSON.stringify(explain)} is not a user id (leave it empty for the top-scored user)`);
		return id;
	}
	const { rows } = await ctx.client.query(`SELECT ${quoteIdent(idColumn)} FROM ${quoteIdent(CELL_SCHEMA)}.${quoteIdent(scoresTable)} ORDER BY score DESC, 1 LIMIT 1`, { signal: ctx.signal });
	if (rows.length === 0) throw new Error('there is no test user to explain');
	return Number(rows[0][0]);
}

export async function explainTable(spec: ModelSpec, features: string[], model: GbdtModelJson, explain: string, scoresTable: string, ctx: RunContext): Promise<ResultTable> {
	const user = await chosenUser(explain, scoresTable, spec.id, ctx);
	const where = `${quoteIdent(spec.id)} = ${user}`;
	const one = await readUsers(ctx.client, spec.test, spec.id, spec.label, features, ctx.signal, where);
	if (one.matrix.rows === 0) {
		throw new Error(`user ${user} is not among the test users (\`${spec.test}\`): give one of their ${quoteString(spec.id)} values, or leave it empty for the top-scored user`);
	}
	const booster = gbdtModelFromJson(model);
	const parts = contributions(booster, one.matrix, [0]);
	const raw = predictGbdtRaw(booster, one.matrix)[0];
	return {
		suffix: '_explain',
		columns: [
			{ name: 'user_id', type: 'BIGINT' },
			{ name: 'feature', type: 'VARCHAR' },
			{ name: 'value', type: 'DOUBLE' },
			{ name: 'contribution', type: 'DOUBLE' },
			{ name: 'base_value', type: 'DOUBLE' },
			{ name: 'raw_score', type: 'DOUBLE' },
			{ name: 'probability', type: 'DOUBLE' },
			{ name: 'method', type: 'VARCHAR' }
		],
		rows: parts.featureNames.map((feature, f) => [user, feature, one.matrix.columns[f][0], parts.values[f], parts.bias, raw, sigmoid(raw), parts.method])
	};
}
