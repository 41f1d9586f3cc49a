// The trained models as the tables other cells read: metrics per model, importance, curves and
// the training history. Scores go separately (typed arrays: one row per test user).
import type { AlgorithmResult } from '../../../model/algorithm-result';
import type { PropensityResult } from '../../../model/train-propensity';
import type { RandomSplitResult } from '../../../model/train-random-split';
import type { ResultTable, ResultValue } from '../result-table';

export const TEMPORAL_GBDT = 'gbdt (temporal)';
export const TEMPORAL_LOGISTIC = 'logistic (temporal)';
export const RANDOM_GBDT = 'gbdt (random split)';

type Evaluated = [model: string, result: AlgorithmResult];

function evaluated(result: PropensityResult, random: RandomSplitResult | null): Evaluated[] {
	const list: Evaluated[] = [
		[TEMPORAL_GBDT, result.gbdt],
		[TEMPORAL_LOGISTIC, result.logistic]
	];
	if (random) list.push([RANDOM_GBDT, random.gbdt]);
	return list;
}

export function metricsTable(suffix: string, result: PropensityResult, random: RandomSplitResult | null): ResultTable {
	const rows = evaluated(result, random).map(([model, r]): ResultValue[] => {
		const m = r.metrics;
		return [model, m.auc, m.pr_auc, m.log_loss, m.precision_at_k, m.lift_at_k, m.recall_at_k, m.base_rate, m.n_train, m.n_test, result.k, r.bestIteration, r.seconds];
	});
	return {
		suffix,
		columns: [
			{ name: 'model', type: 'VARCHAR' },
			{ name: 'auc', type: 'DOUBLE' },
			{ name: 'pr_auc', type: 'DOUBLE' },
			{ name: 'log_loss', type: 'DOUBLE' },
			{ name: 'precision_at_k', type: 'DOUBLE' },
			{ name: 'lift_at_k', type: 'DOUBLE' },
			{ name: 'recall_at_k', type: 'DOUBLE' },
			{ name: 'base_rate', type: 'DOUBLE' },
			{ name: 'n_train', type: 'BIGINT' },
			{ name: 'n_test', type: 'BIGINT' },
			{ name: 'k', type: 'DOUBLE' },
			{ name: 'iterations', type: 'BIGINT' },
			{ name: 'seconds', type: 'DOUBLE' }
		],
		rows
	};
}

export function importanceTable(result: PropensityResult): ResultTable {
	const coefficient = new Map(result.logistic.coefficients.map((c) => [c.feature, c.standardised]));
	return {
		suffix: '_importance',
		columns: [
			{ name: 'feature', type: 'VARCHAR' },
			{ name: 'gain', type: 'DOUBLE' },
			{ name: 'share', type: 'DOUBLE' },
			{ name: 'splits', type: 'BIGINT' },
			{ name: 'logistic_coefficient', type: 'DOUBLE' }
		],
		rows: result.gbdt.importance.map((i) => [i.feature, i.gain, i.share, i.splits, coefficient.get(i.feature) ?? null])
	};
}

export function curveTables(result: PropensityResult, random: RandomSplitResult | null): ResultTable[] {
	const models = evaluated(result, random);
	return [
		{
			suffix: '_roc',
			columns: [
				{ name: 'model', type: 'VARCHAR' },
				{ name: 'fpr', type: 'DOUBLE' },
				{ name: 'tpr', type: 'DOUBLE' },
				{ name: 'threshold', type: 'DOUBLE' }
			],
			rows: models.flatMap(([model, r]) => r.curves.roc.map((p): ResultValue[] => [model, p.fpr, p.tpr, p.threshold]))
		},
		{
			suffix: '_gains',
			columns: [
				{ name: 'model', type: 'VARCHAR' },
				{ name: 'share_targeted', type: 'DOUBLE' },
				{ name: 'users', type: 'BIGINT' },
				{ name: 'buyers', type: 'DOUBLE' },
				{ name: 'share_of_buyers', type: 'DOUBLE' },
				{ name: 'lift', type: 'DOUBLE' }
			],
			rows: models.flatMap(([model, r]) => [
				[model, 0, 0, 0, 0, null] as ResultValue[],
				...r.curves.gains.map((g): ResultValue[] => [model, g.percentile / 100, g.rows, g.positives, g.gain, g.lift])
			])
		},
		{
			suffix: '_calibration',
			columns: [
				{ name: 'model', type: 'VARCHAR' },
				{ name: 'decile', type: 'BIGINT' },
				{ name: 'users', type: 'BIGINT' },
				{ name: 'predicted', type: 'DOUBLE' },
				{ name: 'observed', type: 'DOUBLE' }
			],
			rows: models.flatMap(([model, r]) => r.curves.calibration.map((c): ResultValue[] => [model, c.decile, c.count, c.meanScore, c.observedRate]))
		}
	];
}

export function historyTable(result: PropensityResult): ResultTable {
	const { trainLoss, validLoss } = result.gbdt.history;
	return {
		suffix: '_history',
		columns: [
			{ name: 'tree', type: 'BIGINT' },
			{ name: 'train_loss', type: 'DOUBLE' },
			{ name: 'valid_loss', type: 'DOUBLE' },
			{ name: 'kept', type: 'BOOLEAN' }
		],
		rows: trainLoss.map((loss, i) => [i + 1, loss, validLoss?.[i] ?? null, i < result.gbdt.bestIteration])
	};
}
