// Model cells: a declarative spec (model-spec.ts) naming the cell tables of the training and
// test users. A run reads them as typed arrays, trains a GBDT and a logistic baseline (and a
// GBDT on a random split, for comparison) in the trainer (a Web Worker in the page), and writes
// what they found as tables other cells read: `<name>` and `<name>_metrics`, `_importance`,
// `_scores`, `_roc`, `_gains`, `_calibration`, `_history`, `_explain`, and the trained model
// itself in `_model`, keyed by what it was trained from, so that explaining another user or a
// reload never trains again.
import { noReferences, type CellData } from '../../../notebook';
import { columnarClient } from '../../../data/columnar-client';
import { quoteIdent, quoteString } from '../../../data/sql';
import type { GbdtParams } from '../../../model/gbdt-params';
import type { GbdtModelJson } from '../../../model/model-json';
import { inProcessTrainer, type Trainer } from '../../../model/trainer';
import { createWorkerTrainer } from '../../../model/trainer-worker';
import type { TrainingProgress } from '../../../model/training-progress';
import { CELL_SCHEMA } from '../../results-cache';
import type { CellKind, RunContext } from '../cell-kind';
import { readJsonSpec, specOrThrow } from '../json-spec';
import { resultTableQuery, type ResultTable } from '../result-table';
import { readNumber, readText, specReferences } from '../spec-values';
import { previewSql, savedTableOutput, tableOutput } from '../table-output';
import { explainTable } from './explain-user';
import { numericFeatures, readUsers } from './feature-data';
import { curveTables, historyTable, importanceTable, metricsTable, RANDOM_GBDT, TEMPORAL_LOGISTIC } from './model-tables';
import { metricsAtK, savedK, SCORE_COLUMNS } from './rescore-at-k';
import { MODEL_EXAMPLE, MODEL_TABLE_SUFFIXES, validateModelSpec, type GbdtSettings, type ModelSpec } from './model-spec';
import { trainingKey } from './training-key';

const readModel = (cell: CellData) => readJsonSpec<ModelSpec>(cell.source, validateModelSpec, MODEL_EXAMPLE);

const extraTables = (cell: CellData) => (cell.name ? MODEL_TABLE_SUFFIXES.map((s) => `${cell.name}${s}`) : []);

/** Every table a model cell named `name` writes: its own and the extra ones. */
const kindTables = (name: string) => [name, ...MODEL_TABLE_SUFFIXES.map((s) => `${name}${s}`)];

/** The spec's GBDT settings in the trainer's words. */
function gbdtParams(s: GbdtSettings): Partial<GbdtParams> {
	return {
		maxTrees: s.trees,
		maxLeaves: s.leaves,
		maxDepth: s.max_depth,
		learningRate: s.learning_rate,
		lambda: s.l2,
		minSamplesLeaf: s.min_leaf,
		subsample: s.subsample,
		featureFraction: s.feature_fraction,
		maxBins: s.max_bins,
		validationFraction: s.validation,
		patience: s.patience
	};
}

function progressMessage(stage: string, p: TrainingProgress): { message: string; fraction: number | null } {
	const loss = p.validLoss ?? p.trainLoss;
	const lossText = loss === null ? '' : ` · ${p.validLoss !== null ? 'validation' : 'training'} log loss ${loss.toFixed(4)}`;
	if (p.phase === 'binning') return { message: `${stage}: binning the features`, fraction: 0 };
	const unit = p.phase === 'gbdt' ? 'tree' : 'logistic regression step';
	return { message: `${stage}: ${unit} ${p.trees} of at most ${p.maxTrees}${lossText}`, fraction: p.maxTrees > 0 ? p.trees / p.maxTrees : null };
}

/** A number or text written in the spec, or read from `$input`; '' when absent. */
async function readExplain(value: unknown, ctx: RunContext): Promise<string> {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return String(value);
	return readText(value, 'explain', ctx);
}

async function savedModel(name: string, key: string, ctx: RunContext): Promise<GbdtModelJson | null> {
	const table = `${name}_model`;
	const exists = await ctx.client.query(
		`SELECT 1 FROM duckdb_tables() WHERE schema_name = ${quoteString(CELL_SCHEMA)} AND table_name = ${quoteString(table)}`,
		{ signal: ctx.signal }
	);
	if (exists.rows.length === 0) return null;
	const { rows } = await ctx.client.query(`SELECT training_key, gbdt FROM ${quoteIdent(CELL_SCHEMA)}.${quoteIdent(table)} LIMIT 1`, { signal: ctx.signal });
	return rows.length === 1 && rows[0][0] === key ? (JSON.parse(String(rows[0][1])) as GbdtModelJson) : null;
}

export function modelKind(trainer: () => Trainer): CellKind {
	const kind: CellKind = {
		kind: 'model',
		defines: 'table',
		template: '{\n  "train": "features_train",\n  "test": "features_test",\n  "id": "user_id",\n  "label": "label"\n}',
		extraTables,
		references(cell) {
			try {
				const spec: unknown = JSON.parse(cell.source);
				const refs = specReferences(spec);
				if (spec && typeof spec === 'object') {
					for (const key of ['train', 'test'] as const) {
						const table = (spec as Record<string, unknown>)[key];
						if (typeof table === 'string') refs.tables.add(table.toLowerCase());
					}
				}
				return refs;
			} catch {
				return noReferences();
			}
		},
		check(cell) {
			const read = readModel(cell);
			return read.ok ? null : read.problem;
		},
		writes: (cell) => (cell.name ? kindTables(cell.name) : []),
		reusable: (cell, shown, { tables, fingerprint }) =>
			cell.name !== null && shown?.kind === 'table' && kind.writes(cell).every((t) => tables.get(t)?.fingerprint === fingerprint),
		async run(cell, ctx) {
			const name = cell.name;
			if (!name) throw new Error('a model cell needs a name: its tables are <name>_metrics, <name>_scores…');
			const saved = await savedTableOutput(name, ctx, extraTables(cell));
			if (saved) return saved;
			const spec = specOrThrow(readModel(cell));
			const k = await readNumber(spec.k, 'k', ctx);
			if (!(k > 0 && k <= 100)) throw new Error(`invalid k: ${k} (the top share targeted, in percent: above 0, at most 100)`);
			const explain = await readExplain(spec.explain, ctx);
			const features = spec.features ?? (await numericFeatures(ctx.client, spec.train, [spec.id, spec.label], ctx.signal));
			const tables = { train: await ctx.cache.fingerprintOf(spec.train, ctx.signal), test: await ctx.cache.fingerprintOf(spec.test, ctx.signal) };
			const key = trainingKey(spec, features, tables);
			// Training is seeded: the same key would give the same model, so even a forced run reuses it.
			const model = await savedModel(name, key, ctx);
			const job: ModelJob = { name, spec, features, k, key, explain };
			const statements = model ? await reuse(job, model, ctx) : await train(job, trainer(), ctx);
			const preview = await ctx.client.query(statements.join('') + previewSql(name), { signal: ctx.signal });
			return tableOutput(ctx.cache, name, preview, null, false, ctx.signal);
		}
	};
	return kind;
}

/** One run's resolved inputs: the spec, its features, k in percent, its training key, the user to explain. */
interface ModelJob {
	name: string;
	spec: ModelSpec;
	features: string[];
	k: number;
	key: string;
	explain: string;
}

/**
 * The saved model still holds: the explanation is redone, the metrics too if k changed (from
 * the saved scores), and every table is recorded as current again.
 */
async function reuse({ name, spec, features, k, explain }: ModelJob, model: GbdtModelJson, ctx: RunContext): Promise<string[]> {
	ctx.progress({ message: 'the saved model is current: no training', fraction: null });
	const redone = [await explainTable(spec, features, model, explain, `${name}_scores`, ctx)];
	const previous = await savedK(name, ctx);
	if (previous === null || Math.abs(previous - k) > 1e-9) redone.push(...(await metricsAtK(name, spec.label, k, ctx)));
	const names = new Set(redone.map((t) => `${name}${t.suffix}`));
	return [
		...redone.map((t) => ctx.cache.materialiseSql(`${name}${t.suffix}`, resultTableQuery(t), ctx.fingerprint)),
		...kindTables(name).filter((t) => !names.has(t)).map((t) => ctx.cache.recordSql(t, ctx.fingerprint))
	];
}


async function train({ name, spec, features, k, key, explain }: ModelJob, trainer: Trainer, ctx: RunContext): Promise<string[]> {
	const client = columnarClient(ctx.client, 'a model cell');
	const { signal, fingerprint } = ctx;
	ctx.progress({ message: `reading the users of ${spec.train} and ${spec.test}`, fraction: null });
	const trainUsers = await readUsers(client, spec.train, spec.id, spec.label, features, signal);
	const testUsers = await readUsers(client, spec.test, spec.id, spec.label, features, signal);
	if (trainUsers.matrix.rows === 0) throw new Error(`\`${spec.train}\` has no users: check the training window`);
	if (testUsers.matrix.rows === 0) throw new Error(`\`${spec.test}\` has no users: check the test window`);
	const positives = trainUsers.labels.reduce((n, v) => n + v, 0);
	if (positives === 0 || positives === trainUsers.matrix.rows) {
		throw new Error(
			`all ${trainUsers.matrix.rows} training users of \`${spec.train}\` have ${spec.label} = ${positives === 0 ? 0 : 1}: ` +
				'a model needs both buyers and non-buyers to learn from; move the training windows or open more data'
		);
	}
	// The trainer takes the arrays it is given (a worker detaches them): keep what is written after.
	const testIds = testUsers.ids;
	const testLabels = testUsers.labels.slice();
	const gbdt = gbdtParams(spec.gbdt);
	const stages = spec.random_split > 0 ? 2 : 1;
	const result = await trainer.train(
		{ train: trainUsers.matrix, trainLabels: trainUsers.labels, test: testUsers.matrix, testLabels: testUsers.labels, gbdt, logistic: { lambda: spec.logistic.l2 }, seed: spec.seed, k: k / 100 },
		(p) => ctx.progress(progressMessage(`1/${stages} temporal split`, p)),
		signal
	);
	let random = null;
	if (spec.random_split > 0) {
		// Read again rather than copied before the first training: a copy of every test column
		// would sit in the page's memory through the whole training.
		const again = await readUsers(client, spec.test, spec.id, spec.label, features, signal);
		random = await trainer.trainRandomSplit(
			{ matrix: again.matrix, labels: again.labels, testFraction: spec.random_split, gbdt, seed: spec.seed, k: k / 100 },
			(p) => ctx.progress(progressMessage(`2/${stages} random split`, p)),
			signal
		);
	}
	ctx.progress({ message: 'writing the scores and tables', fraction: null });
	const scores = `${name}_scores`;
	// Every model's test scores, so a new k is answered from them (rescore-at-k.ts); the random
	// split scores only its own test users (NULL for the others).
	const randomScores = new Float32Array(testIds.length).fill(NaN);
	if (random) random.testRows.forEach((row, i) => (randomScores[row] = random.gbdt.scores[i]));
	await client.writeColumns(CELL_SCHEMA, scores, {
		names: [spec.id, 'score', 'decile', spec.label, SCORE_COLUMNS[TEMPORAL_LOGISTIC], SCORE_COLUMNS[RANDOM_GBDT]],
		arrays: [testIds, result.gbdt.scores, result.gbdt.deciles, testLabels, result.logistic.scores, randomScores],
		rows: testIds.length
	});
	await ctx.client.exec(`UPDATE ${quoteIdent(CELL_SCHEMA)}.${quoteIdent(scores)} SET ${SCORE_COLUMNS[RANDOM_GBDT]} = NULL WHERE isnan(${SCORE_COLUMNS[RANDOM_GBDT]})`, { signal });
	const saved: ResultTable = {
		suffix: '_model',
		columns: [
			{ name: 'training_key', type: 'VARCHAR' },
			{ name: 'features', type: 'VARCHAR' },
			{ name: 'gbdt', type: 'VARCHAR' },
			{ name: 'logistic', type: 'VARCHAR' }
		],
		rows: [[key, JSON.stringify(features), JSON.stringify(result.gbdt.model), JSON.stringify(result.logistic.model)]]
	};
	const written: ResultTable[] = [
		metricsTable('', result, random),
		metricsTable('_metrics', result, random),
		importanceTable(result),
		...curveTables(result, random),
		historyTable(result),
		saved
	];
	const statements = written.map((t) => ctx.cache.materialiseSql(`${name}${t.suffix}`, resultTableQuery(t), fingerprint));
	await ctx.client.exec([ctx.cache.recordSql(scores, fingerprint), ...statements].join(''), { signal });
	const why = await explainTable(spec, features, result.gbdt.model, explain, scores, ctx);
	return [ctx.cache.materialiseSql(`${name}${why.suffix}`, resultTableQuery(why), fingerprint)];
}

/** The trainer the page uses: a Web Worker where there are workers, this thread elsewhere (Node). */
export function defaultTrainer(): Trainer {
	return typeof Worker === 'function' ? createWorkerTrainer() : inProcessTrainer;
}
