// A model cell's spec: which upstream tables hold the training and test users, which columns
// are the id, the label and the features, the top-k% share and the user to explain (each a
// number, `$input` or `table.column`), and the algorithms' settings.
import { isPlainObject } from '../../../notebook/chart-spec';
import { LOGISTIC_DEFAULTS } from '../../../model/logistic-regression';

export interface ModelSpec {
	train: string;
	test: string;
	id: string;
	label: string;
	/** Feature columns; absent: every numeric column of `train` but id and label. */
	features?: string[];
	/** Top share targeted, in percent (a value, `$input` or `table.column`). */
	k: unknown;
	/** The user whose score is explained (empty: the top-scored user). */
	explain?: unknown;
	/** Share of the test users held out in the random-split comparison; 0: none. */
	random_split: number;
	seed: number;
	gbdt: GbdtSettings;
	/** λ of the logistic baseline (mean log loss + λ/2 · Σ standardised coefficients²). */
	logistic: { l2: number };
}

/** The spec's names for the GBDT settings (scikit-learn's words where it has them). */
export interface GbdtSettings {
	trees?: number;
	leaves?: number;
	max_depth?: number;
	learning_rate?: number;
	l2?: number;
	min_leaf?: number;
	subsample?: number;
	feature_fraction?: number;
	max_bins?: number;
	validation?: number;
	patience?: number;
}

const GBDT_KEYS: readonly (keyof GbdtSettings)[] = [
	'trees', 'leaves', 'max_depth', 'learning_rate', 'l2', 'min_leaf', 'subsample', 'feature_fraction', 'max_bins', 'validation', 'patience'
];
const KEYS = ['train', 'test', 'id', 'label', 'features', 'k', 'explain', 'random_split', 'seed', 'gbdt', 'logistic'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const MODEL_EXAMPLE = '{"train": "features_train", "test": "features_test", "id": "user_id", "label": "label"}';

const isName = (v: unknown): v is string => typeof v === 'string' && NAME.test(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function validateModelSpec(value: unknown): { ok: true; spec: ModelSpec } | { ok: false; error: string } {
	if (!isPlainObject(value)) return { ok: false, error: `a model spec is a JSON object, e.g. ${MODEL_EXAMPLE}` };
	const unknown = Object.keys(value).find((k) => !KEYS.includes(k));
	if (unknown) return { ok: false, error: `invalid model option "${unknown}" (allowed: ${KEYS.join(', ')})` };
	for (const key of ['train', 'test'] as const) {
		if (!isName(value[key])) return { ok: false, error: `missing "${key}": the name of the cell whose table holds the ${key === 'train' ? 'training' : 'test'} users` };
	}
	for (const key of ['id', 'label'] as const) {
		if (value[key] !== undefined && !isName(value[key])) return { ok: false, error: `invalid ${key}: ${JSON.stringify(value[key])} (expected a column name)` };
	}
	const features = value.features;
	if (features !== undefined && !(Array.isArray(features) && features.length > 0 && features.every(isName))) {
		return { ok: false, error: `invalid features: expected a non-empty list of column names` };
	}
	const split = value.random_split ?? 0.3;
	if (!isNumber(split) || split < 0 || split >= 1) return { ok: false, error: `invalid random_split: ${JSON.stringify(split)} (a share from 0, for none, to below 1)` };
	const seed = value.seed ?? 42;
	if (!isNumber(seed) || !Number.isInteger(seed)) return { ok: false, error: `invalid seed: ${JSON.stringify(seed)} (expected a whole number)` };
	const gbdt = value.gbdt ?? {};
	if (!isPlainObject(gbdt)) return { ok: false, error: 'invalid gbdt: expected an object of settings' };
	const badGbdt = Object.entries(gbdt).find(([k, v]) => !GBDT_KEYS.includes(k as keyof GbdtSettings) || !isNumber(v));
	if (badGbdt) {
		return GBDT_KEYS.includes(badGbdt[0] as keyof GbdtSettings)
			? { ok: false, error: `invalid gbdt.${badGbdt[0]}: ${JSON.stringify(badGbdt[1])} (expected a number)` }
			: { ok: false, error: `invalid gbdt setting "${badGbdt[0]}" (allowed: ${GBDT_KEYS.join(', ')})` };
	}
	const logistic = value.logistic ?? {};
	if (!isPlainObject(logistic) || Object.keys(logistic).some((k) => k !== 'l2') || !isNumber(logistic.l2 ?? 0) || ((logistic.l2 as number | undefined) ?? 0) < 0) {
		return { ok: false, error: 'invalid logistic: expected {"l2": a number ≥ 0}' };
	}
	return {
		ok: true,
		spec: {
			train: value.train as string,
			test: value.test as string,
			id: (value.id as string | undefined) ?? 'user_id',
			label: (value.label as string | undefined) ?? 'label',
			features: features as string[] | undefined,
			k: value.k ?? 5,
			explain: value.explain,
			random_split: split,
			seed,
			gbdt: gbdt as GbdtSettings,
			logistic: { l2: (logistic.l2 as number | undefined) ?? LOGISTIC_DEFAULTS.lambda }
		}
	};
}

/** The tables a model cell named `name` writes besides its own (`<name>_metrics` is its own output). */
export const MODEL_TABLE_SUFFIXES = ['_metrics', '_importance', '_scores', '_roc', '_gains', '_calibration', '_history', '_explain', '_model'] as const;
