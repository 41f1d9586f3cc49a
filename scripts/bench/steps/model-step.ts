// Training the notebook's model. Browser: the model cell retrained in the page (its seed
// changed, so the saved model does not apply; put back afterwards), timed whole and per model, with the longest
// main-thread task while it trains (the page must stay responsive: training runs in a worker).
// Native: scikit-learn's HistGradientBoostingClassifier on the same feature tables, exported
// from native DuckDB, with the same settings (`scripts/model-reference/hgb_reference.py`,
// Debian's python3-sklearn; OMP threads = the run's threads).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quoteIdent, quoteString } from '../../../src/lib/data/sql';
import { readNotebook } from '../../../src/lib/runtime';
import { numericFeatures } from '../../../src/lib/runtime/kinds/model/feature-data';
import { validateModelSpec, type ModelSpec } from '../../../src/lib/runtime/kinds/model/model-spec';
import type { CinWindow } from '../../notebook/headless-page';
import type { BenchStep, BrowserRun, Measurement, NativeRun } from '../bench-step';
import { median } from '../median';
import { prepareNativeNotebook, runNativeCells } from './queries-step';

const TRAIN = 'model: GBDT training, temporal split (binning included)';
const CELL = 'model: the model cell (read users, 3 models, write tables)';
const LONGEST = 'model: longest main-thread task while it trains';
const PYTHON = '/usr/bin/python3';
const REFERENCE = path.resolve('scripts/model-reference/hgb_reference.py');

function modelCell(text: string): { name: string; source: string; spec: ModelSpec } | null {
	const cell = readNotebook(text).cells.find((c) => c.kind === 'model' && c.name);
	if (!cell?.name) return null;
	const checked = validateModelSpec(JSON.parse(cell.source));
	if (!checked.ok) throw new Error(`model cell ${cell.name}: ${checked.error}`);
	return { name: cell.name, source: cell.source, spec: checked.spec };
}

export async function browserModel(run: BrowserRun): Promise<Measurement[]> {
	const model = modelCell(run.notebook.text);
	if (!model) return [];
	const { hp, sampler } = run;
	await hp.guard(
		hp.page.evaluate(() => {
			const w = window as unknown as { __longTasks: number[] };
			w.__longTasks = [];
			new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
		})
	);
	const cellTimes: number[] = [];
	const trainTimes: number[] = [];
	const aucs: string[] = [];
	let longest = 0;
	const from = sampler.now();
	const edit = (source: string) => hp.guard(hp.page.evaluate(([name, text]) => (window as unknown as CinWindow).cin.edit(name, text), [model.name, source] as [string, string]));
	const runModel = () => hp.guard(hp.page.evaluate((name) => (window as unknown as CinWindow).cin.runCell(name), model.name));
	for (let r = 0; r < run.repeat; r++) {
		// Another seed each time: the saved model does not apply, so every run trains.
		await edit(JSON.stringify({ ...JSON.parse(model.source), seed: model.spec.seed + r + 1 }, null, 2));
		await hp.guard(hp.page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0)));
		sampler.label = `cell:${model.name}`;
		cellTimes.push(await runModel());
		sampler.label = null;
		longest = Math.max(longest, await hp.guard(hp.page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks))));
		const metrics = await hp.guard(
			hp.page.evaluate((table) => (window as unknown as CinWindow).cin.query(`SELECT seconds, auc FROM nb."${table}" WHERE model = 'gbdt (temporal)'`), `${model.name}_metrics`)
		);
		const [seconds, auc] = metrics.rows[0] as [number, number | null];
		trainTimes.push(seconds * 1000);
		aucs.push(auc === null ? 'undefined (one class)' : auc.toFixed(4));
		run.log(`  browser: ${model.name} ${r + 1}/${run.repeat}: cell ${cellTimes.at(-1)} ms, GBDT ${Math.round(seconds * 1000)} ms, AUC ${aucs.at(-1)}`);
	}
	const to = sampler.now();
	// The notebook as it was (trained again, not measured), so the reopen step finds it current.
	await edit(model.source);
	await runModel();
	const peak = sampler.peakMiB({ from, to });
	return [
		{ name: TRAIN, group: 'model', ms: median(trainTimes), peakRssMiB: peak, note: `test AUC ${aucs.join(', ')} (seeds ${model.spec.seed + 1}…${model.spec.seed + run.repeat})` },
		{ name: CELL, group: 'model', ms: median(cellTimes), peakRssMiB: peak },
		{ name: LONGEST, group: 'model', ms: Math.round(longest) }
	];
}

export async function nativeModel(run: NativeRun): Promise<Measurement[]> {
	const model = modelCell(run.notebook.text);
	if (!model) return [];
	const { spec } = model;
	// The reference is not part of the app: without it the row says how to get it, and no more.
	const probe = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
	if (probe.status !== 0) return [{ name: TRAIN, group: 'model', ms: null, note: 'scikit-learn reference not run: apt-get install python3-sklearn python3-pandas' }];
	await prepareNativeNotebook(run);
	const built = await runNativeCells(run, [spec.train, spec.test]);
	const failed = [...built.entries()].find(([, r]) => r.error);
	if (failed) return [{ name: TRAIN, group: 'model', ms: null, error: `${failed[0]}: ${failed[1].error}` }];
	const features = spec.features ?? (await numericFeatures(run.client, spec.train, [spec.id, spec.label]));
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-model-'));
	try {
		const files = { train: path.join(dir, 'train.csv'), test: path.join(dir, 'test.csv') };
		for (const which of ['train', 'test'] as const) {
			const list = [`${quoteIdent(spec.id)} AS id`, `${quoteIdent(spec.label)} AS label`, ...features.map((f) => `CAST(${quoteIdent(f)} AS DOUBLE) AS ${quoteIdent(f)}`)];
			await run.client.exec(`COPY (SELECT ${list.join(', ')} FROM nb.${quoteIdent(spec[which])}) TO ${quoteString(files[which])} (HEADER)`);
		}
		const g = spec.gbdt;
		const settings = [
			['--max-iter', g.trees ?? 100],
			['--max-leaf-nodes', g.leaves ?? 31],
			['--learning-rate', g.learning_rate ?? 0.1],
			['--l2', g.l2 ?? 0],
			['--min-samples-leaf', g.min_leaf ?? 20],
			['--validation-fraction', g.validation ?? 0.1],
			['--n-iter-no-change', g.patience ?? 10],
			['--seed', spec.seed]
		].flatMap(([flag, value]) => [String(flag), String(value)]);
		const from = run.sampler.now();
		const child = spawnSync(PYTHON, [REFERENCE, files.train, files.test, ...settings], {
			encoding: 'utf8',
			env: { ...process.env, OMP_NUM_THREADS: String(run.threads) }
		});
		if (child.status !== 0) {
			const why = child.error ? child.error.message : child.stderr.trim().split('\n').at(-1);
			return [{ name: TRAIN, group: 'model', ms: null, error: `scikit-learn reference failed (${why}); it needs Debian's python3-sklearn` }];
		}
		const result = JSON.parse(child.stdout) as { auc: number | null; seconds: number; n_iter: number; sklearn: string };
		const auc = result.auc === null ? 'undefined (one class)' : result.auc.toFixed(4);
		run.log(`  native: scikit-learn ${result.sklearn}, ${run.threads} thread(s): ${Math.round(result.seconds * 1000)} ms, ${result.n_iter} trees, AUC ${auc}`);
		return [
			{
				name: TRAIN,
				group: 'model',
				ms: Math.round(result.seconds * 1000),
				peakRssMiB: run.sampler.peakMiB({ from, to: run.sampler.now() }),
				note: `scikit-learn ${result.sklearn} HistGradientBoostingClassifier, test AUC ${auc}, ${result.n_iter} trees`
			}
		];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export const modelStep: BenchStep = { name: 'model', selection: 'queries', browser: browserModel, native: nativeModel };
