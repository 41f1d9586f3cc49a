import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labSection } from '../../../src/lib/analyses/lab/section';
import { propensitySection } from '../../../src/lib/analyses/propensity/section';
import { readEventsCsv } from '../../../src/lib/ingest/event-schema';
import { groupSequentialBoundaries, powerProportions, sampleSizeProportions } from '../../../src/lib/stats';
import { appendEventsSql, buildStorePlan, eventMonthsSql } from '../../../src/lib/store';
import { objects, runSteps } from '../store/store-kit';
import { WasmTestClient } from '../support/wasm-client';
import { rowsOf, runSection, type SectionRun } from './run-section';

const FILES = ['2019-Oct.csv.gz', '2019-Nov.csv.gz'].map((f) => path.resolve('sample-data', f));

let db: WasmTestClient;
let run: SectionRun;
beforeAll(async () => {
	db = await WasmTestClient.open();
	for (const file of FILES) await runSteps(db, appendEventsSql(readEventsCsv(file)));
	const months = (await db.query(eventMonthsSql())).rows.map((r) => String(r[0]));
	await runSteps(db, buildStorePlan({ rows: 325_431, months }));
	run = await runSection(db, `${propensitySection()}\n\n${labSection()}`);
}, 240_000);
afterAll(() => db.close());

const one = (name: string) => rowsOf(run.tables.get(name))[0] as Record<string, number>;

describe('the propensity model on the sample', () => {
	it('reports GBDT, logistic and random-split metrics on the test users, the GBDT above chance', () => {
		const metrics = rowsOf(run.tables.get('propensity_metrics')) as Record<string, number | string>[];
		expect(metrics.map((m) => m.model)).toEqual(['gbdt (temporal)', 'logistic (temporal)', 'gbdt (random split)']);
		expect(Object.keys(metrics[0]).slice(0, 10)).toEqual(['model', 'auc', 'pr_auc', 'log_loss', 'precision_at_k', 'lift_at_k', 'recall_at_k', 'base_rate', 'n_train', 'n_test']);
		const [gbdt] = metrics as Record<string, number>[];
		const windows = rowsOf(run.tables.get('model_windows')) as Record<string, number>[];
		expect([gbdt.n_train, gbdt.n_test]).toEqual([windows[0].users, windows[1].users]);
		expect(gbdt.base_rate).toBeCloseTo(windows[1].base_rate, 12);
		expect(gbdt.auc).toBeGreaterThan(0.6);
		expect(rowsOf(run.tables.get('propensity'))).toEqual(metrics);
	});

	it('scores every test user once, with deciles, and the explanation adds up to the user’s log-odds', () => {
		const scores = run.tables.get('propensity_scores')!;
		expect(scores.columns.map((c) => c.name)).toEqual(['user_id', 'score', 'decile', 'label', 'logistic_score', 'random_split_score']);
		expect(scores.rows.length).toBe((rowsOf(run.tables.get('model_windows'))[1] as Record<string, number>).users);
		const explain = rowsOf(run.tables.get('propensity_explain')) as Record<string, number>[];
		const sum = explain.reduce((s, r) => s + r.contribution, explain[0].base_value);
		expect(sum).toBeCloseTo(explain[0].raw_score, 6);
		const top = scores.rows.reduce((best, r) => (Number(r[1]) > Number(best[1]) ? r : best));
		expect(explain[0].user_id).toBe(top[0]);
	});

	it('sets the measured figures beside the original platform’s and draws every chart', () => {
		expect(rowsOf(run.tables.get('propensity_vs_original')).map((r) => r.metric)).toEqual(['ROC-AUC', 'precision at top k%', 'lift at top k%', 'recall at top k%']);
		expect(run.charts).toEqual(expect.arrayContaining(['propensity_roc_chart', 'propensity_gains_chart', 'propensity_importance_chart', 'propensity_explain_chart']));
		expect(run.tables.get('propensity_top_users')!.rows.length).toBe(Math.ceil((run.tables.get('propensity_scores')!.rows.length * 5) / 100));
	});
});

describe('the experiment lab on the sample', () => {
	it("measures the baseline and each user's November spend from the raw events: the share of October's Can't lose them buyers who bought in November", async () => {
		// Independent of the store: RFM as of 1 Nov from the raw purchase events.
		const [expected] = await objects(
			db,
			`WITH oct AS (
				SELECT user_id, max(event_time) AS last, count(DISTINCT session_id) AS orders, sum(price) AS spend
				FROM events WHERE event_type = 'purchase' AND event_time < '2019-11-01' GROUP BY user_id
			), scored AS (
				SELECT user_id,
					NTILE(5) OVER (ORDER BY epoch(TIMESTAMP '2019-11-01' - last) DESC, user_id) AS r,
					NTILE(5) OVER (ORDER BY orders, spend, user_id) AS f
				FROM oct
			), segment AS (SELECT user_id FROM scored WHERE r <= 2 AND f = 5)
			SELECT count(*) AS users,
				count(*) FILTER (WHERE user_id IN (SELECT user_id FROM events WHERE event_type = 'purchase' AND event_time >= '2019-11-01')) AS returned,
				(SELECT CAST(sum(price) AS DOUBLE) FROM events WHERE event_type = 'purchase' AND event_time >= '2019-11-01' AND event_time < '2019-12-01'
				   AND user_id IN (SELECT user_id FROM segment)) AS post_spend
			FROM segment`
		);
		const baseline = one('lab_baseline');
		expect(baseline.segment).toBe("Can't lose them");
		expect([baseline.users, baseline.returned]).toEqual([expected.users, expected.returned]);
		expect(baseline.users).toBeGreaterThan(20);
		expect(baseline.baseline).toBeCloseTo(Number(expected.returned) / Number(expected.users), 12);
		expect(baseline.daily_eligible).toBeGreaterThan(0);
		// Each segment user's spend in the outcome window: the same rows and sums as the raw events give.
		const population = rowsOf(run.tables.get('lab_population')) as Record<string, number>[];
		expect(population).toHaveLength(Number(expected.users));
		expect(population.reduce((sum, r) => sum + r.post_spend, 0)).toBeCloseTo(Number(expected.post_spend), 6);
		expect(population.filter((r) => r.post_spend > 0).length).toBe(Number(expected.returned));
	});

	it('plans the test from the measured baseline with the stated formula: lab_sample_size has its columns', () => {
		const plan = one('lab_plan');
		const size = one('lab_sample_size');
		expect(Object.keys(size).slice(0, 6)).toEqual(['baseline', 'target', 'alpha', 'power', 'n_per_group', 'days']);
		expect(plan.target).toBeCloseTo(plan.baseline * 1.5, 12);
		const n = sampleSizeProportions({ p1: plan.baseline, p2: plan.target, alpha: 0.05, power: 0.8 });
		expect([size.baseline, size.target, size.alpha, size.power, size.n_per_group]).toEqual([plan.baseline, plan.target, 0.05, 0.8, n.n1]);
		expect(size.days).toBe(Math.ceil(n.total / plan.daily_eligible - 1e-9));
		expect(size.n_per_group_cuped).toBe(Math.ceil(n.n1 * (1 - plan.rho ** 2) - 1e-9));
	});

	it('recomputes the original platform case: 1,904 per group, 4 days at 600 a day per variant', () => {
		const original = one('lab_original_case');
		expect([original.n_per_group, original.n_per_group_arcsine, original.days]).toEqual([1904, 1883, 4]);
	});

	it("simulates A/A and A/B tests on the segment's real users next to the formula", () => {
		const [aa, ab] = rowsOf(run.tables.get('lab_simulation')) as Record<string, number>[];
		const population = one('lab_baseline').users;
		expect(aa.n_per_group).toBe(Math.min(one('lab_sample_size').n_per_group, Math.floor(population / 2)));
		expect([aa.reps, aa.expected]).toEqual([400, 0.05]);
		// A/A: the false-positive rate's interval holds α (small groups make the test conservative, not liberal).
		expect(aa.rejection_rate).toBeLessThan(aa.ci_high);
		expect(aa.ci_low).toBeLessThanOrEqual(0.05);
		expect(ab.expected).toBeCloseTo(powerProportions({ p1: aa.population_rate, p2: ab.target_rate, n1: ab.n_per_group }), 12);
		expect(ab.rejection_rate).toBeGreaterThan(aa.rejection_rate);
	});

	it('reads out the simulated trial with every test, and the group-sequential boundaries', () => {
		const measures = rowsOf(run.tables.get('lab_readout')).map((r) => r.measure);
		expect(measures).toEqual(expect.arrayContaining(['two-proportion z-test', 'chi-square test of the 2×2 table', 'P(B > A), Beta(1, 1) priors', 'sample ratio mismatch (chi-square)']));
		const trial = one('lab_trial');
		expect(trial.a_users + trial.b_users).toBe(one('lab_baseline').users);
		const welch = rowsOf(run.tables.get('lab_readout_spend')).at(-1)!;
		expect(welch.measure).toBe('difference B − A (Welch’s t-test)');
		const bounds = rowsOf(run.tables.get('lab_sequential')).map((r) => r.z_boundary);
		expect(bounds).toEqual(groupSequentialBoundaries({ looks: 5, alpha: 0.05 }).z);
	});

	it('gives the campaign a stated GO/NO-GO, and a no-effect scenario loses the whole cost', () => {
		const summary = one('lab_scenarios_summary') as unknown as Record<string, number | string>;
		expect(['GO', 'NO-GO']).toContain(summary.decision);
		expect(String(summary.rule)).toMatch(/GO when expected profit > 0/);
		const none = rowsOf(run.tables.get('lab_scenarios')).find((r) => r.scenario === 'no effect')!;
		expect(none.incremental_revenue).toBe(0);
		expect(none.net_profit).toBeCloseTo(-Number(summary.cost), 6);
		expect(run.charts).toEqual(expect.arrayContaining(['lab_power_chart', 'lab_profit_chart']));
	});
});
