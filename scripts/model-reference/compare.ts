// Our GBDT against scikit-learn's HistGradientBoostingClassifier on the same synthetic feature
// tables: AUC, PR-AUC and training time side by side. Not part of CI.
//
//   npx vite-node scripts/model-reference/compare.ts -- [--rows 1000000] [--test-rows N/4]
//       [--seed 7] [--subsample 0.5,1] [--max-trees 100] [--out DIR] [--no-python]
//       [--sklearn-threads 1,2] [--omp-passive] [--logistic]
//
// Writes DIR/train-N.csv and DIR/test-N.csv (id, label, features; empty = missing), trains ours
// in this process for each --subsample (timing it and sampling the peak RSS between trees), then
// runs hgb_reference.py with Debian's scikit-learn (apt-get install -y python3-sklearn
// python3-pandas python3-scipy) on the CSVs, once per --sklearn-threads (OMP_NUM_THREADS; by
// default its own choice). scikit-learn 1.2 has no row subsampling: it always grows its trees on
// all training rows, like our --subsample 1. On a busy machine its OpenMP threads spin while
// they wait for each other, and its time balloons (five times and more): compare the CPU
// seconds too, or let the threads sleep while they wait (--omp-passive).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveGbdtParams, type GbdtParams } from '../../src/lib/model/gbdt-params';
import { trainAndEvaluateGbdt } from '../../src/lib/model/gbdt-result';
import { fitLogistic } from '../../src/lib/model/logistic-regression';
import { FEATURE_NAMES, syntheticFeatures } from './synthetic-features';
import { writeFeatureCsv } from './write-feature-csv';

interface Options {
	rows: number;
	testRows: number;
	seed: number;
	subsamples: number[];
	maxTrees: number;
	out: string;
	python: boolean;
	/** OpenMP threads of each scikit-learn run (default: its own choice, all cores). */
	sklearnThreads: (number | null)[];
	/** OMP_WAIT_POLICY=PASSIVE: waiting threads sleep instead of spinning. */
	ompPassive: boolean;
	logistic: boolean;
}

function parseOptions(args: string[]): Options {
	const value = (name: string): string | undefined => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const rows = Number(value('rows') ?? 1_000_000);
	return {
		rows,
		testRows: Number(value('test-rows') ?? Math.round(rows / 4)),
		seed: Number(value('seed') ?? 7),
		subsamples: (value('subsample') ?? '0.5,1').split(',').map(Number),
		maxTrees: Number(value('max-trees') ?? 100),
		out: value('out') ?? path.join(tmpdir(), 'cin-model-reference'),
		python: !args.includes('--no-python'),
		sklearnThreads: value('sklearn-threads')?.split(',').map(Number) ?? [null],
		ompPassive: args.includes('--omp-passive'),
		logistic: args.includes('--logistic')
	};
}

interface Row {
	trainer: string;
	auc: number | null;
	pr_auc: number | null;
	seconds: number;
	/** CPU time of the training, all threads. */
	cpuSeconds: number;
	trees: string;
	/** RSS before the training, and its peak while training (sampled between trees). */
	rssMb: [number, number] | null;
}

const options = parseOptions(process.argv.slice(2));
mkdirSync(options.out, { recursive: true });
const trainCsv = path.join(options.out, `train-${options.rows}.csv`);
const testCsv = path.join(options.out, `test-${options.rows}.csv`);

/** A generated table; its CSV is written when asked, and the CSV's float64 copy is then let go. */
async function table(rows: number, seed: number, csv: string | null, firstId: number) {
	const generated = syntheticFeatures(rows, seed);
	if (csv !== null) await writeFeatureCsv(csv, FEATURE_NAMES, generated.values, generated.labels, firstId);
	return { matrix: generated.matrix, labels: generated.labels };
}

let started = performance.now();
const train = await table(options.rows, options.seed, options.python ? trainCsv : null, 1);
const test = await table(options.testRows, options.seed + 1, options.python ? testCsv : null, options.rows + 1);
const rate = (labels: Uint8Array) => labels.reduce((a, b) => a + b, 0) / labels.length;
console.log(
	`${options.rows} training rows (base rate ${rate(train.labels).toFixed(4)}), ${options.testRows} test rows, ${FEATURE_NAMES.length} features: ` +
		`generated${options.python ? ` and written to ${options.out}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`
);

const rows: Row[] = [];
for (const subsample of options.subsamples) {
	const params: GbdtParams = resolveGbdtParams({ maxTrees: options.maxTrees, subsample });
	const before = process.memoryUsage().rss;
	let peak = before;
	const cpu = process.cpuUsage();
	const result = await trainAndEvaluateGbdt(train.matrix, train.labels, test.matrix, test.labels, params, 1, 0.1, undefined, () => {
		peak = Math.max(peak, process.memoryUsage().rss);
		return false;
	});
	peak = Math.max(peak, process.memoryUsage().rss);
	const { user, system } = process.cpuUsage(cpu);
	rows.push({
		trainer: `ours, subsample ${subsample}`,
		auc: result.metrics.auc,
		pr_auc: result.metrics.pr_auc,
		seconds: result.seconds,
		// Includes the evaluation on the test rows (a second or so), unlike `seconds`.
		cpuSeconds: (user + system) / 1e6,
		trees: `${result.iterations} (best ${result.bestIteration})`,
		rssMb: [before / 2 ** 20, peak / 2 ** 20]
	});
	console.log(JSON.stringify(rows.at(-1)));
}

if (options.logistic) {
	started = performance.now();
	const { model } = await fitLogistic(train.matrix, train.labels);
	console.log(`logistic regression: ${model.iterations} Newton steps in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (options.python) {
	const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hgb_reference.py');
	const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
	const defaults = resolveGbdtParams({ maxTrees: options.maxTrees });
	const args = [
		script,
		trainCsv,
		testCsv,
		'--max-leaf-nodes', String(defaults.maxLeaves),
		'--learning-rate', String(defaults.learningRate),
		'--l2', String(defaults.lambda),
		'--min-samples-leaf', String(defaults.minSamplesLeaf),
		'--max-iter', String(defaults.maxTrees),
		'--validation-fraction', String(defaults.validationFraction),
		'--n-iter-no-change', String(defaults.patience)
	];
	for (const threads of options.sklearnThreads) {
		const env: NodeJS.ProcessEnv = { ...process.env };
		if (threads !== null) env.OMP_NUM_THREADS = String(threads);
		if (options.ompPassive) env.OMP_WAIT_POLICY = 'PASSIVE';
		const reference = JSON.parse(execFileSync(python, args, { encoding: 'utf8', maxBuffer: 1 << 20, env })) as {
			auc: number;
			pr_auc: number;
			seconds: number;
			cpu_seconds: number;
			n_iter: number;
			sklearn: string;
		};
		rows.push({
			trainer: `scikit-learn ${reference.sklearn}${threads === null ? '' : `, ${threads} thread${threads === 1 ? '' : 's'}`}`,
			auc: reference.auc,
			pr_auc: reference.pr_auc,
			seconds: reference.seconds,
			cpuSeconds: reference.cpu_seconds,
			trees: String(reference.n_iter),
			rssMb: null
		});
		console.log(JSON.stringify(rows.at(-1)));
	}
}

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\n${pad('trainer', 31)} ${pad('AUC', 8)} ${pad('PR-AUC', 8)} ${pad('seconds', 8)} ${pad('CPU s', 8)} ${pad('trees', 16)} RSS before → peak`);
for (const row of rows) {
	console.log(
		`${pad(row.trainer, 31)} ${pad(row.auc?.toFixed(4) ?? '–', 8)} ${pad(row.pr_auc?.toFixed(4) ?? '–', 8)} ${pad(row.seconds.toFixed(1), 8)} ${pad(row.cpuSeconds.toFixed(1), 8)} ${pad(row.trees, 16)} ${row.rssMb === null ? '–' : `${row.rssMb[0].toFixed(0)} → ${row.rssMb[1].toFixed(0)} MB`}`
	);
}
