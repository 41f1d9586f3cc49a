// Seeded simulations: the test on the segment's real users, and the campaign's profit.
import { powerProportions, simulateCampaign, simulateExperiment, type CampaignScenario } from '../../../stats';
import type { ResultTable } from '../result-table';
import type { StatsMethod } from './stats-method';

export const simulate: StatsMethod = {
	summary: 'A/A and A/B tests resampled from real 0/1 outcomes: false-positive rate and empirical power',
	params: ['outcomes', 'n_per_group', 'target', 'alpha', 'reps', 'seed'],
	suffixes: [],
	async run(p) {
		const outcomes = await p.column('outcomes');
		for (const v of outcomes) if (v !== 0 && v !== 1) throw new Error(`invalid outcomes: ${v} (each must be 0 or 1)`);
		if (outcomes.length < 4) throw new Error(`invalid outcomes: ${outcomes.length} users (at least 4 are needed for two groups)`);
		const planned = await p.number('n_per_group', { min: 2 });
		// The planned size if the population has it, else half the population.
		const n = Math.min(Math.ceil(planned), Math.floor(outcomes.length / 2));
		const target = await p.number('target', { min: 0, max: 1 });
		const alpha = await p.number('alpha', { default: 0.05, min: 0, max: 1, inclusive: false });
		const reps = await p.number('reps', { default: 400, min: 10, max: 100_000, integer: true });
		const seed = await p.number('seed', { default: 1, integer: true });
		const rate = outcomes.reduce((s, v) => s + v, 0) / outcomes.length;
		const aa = simulateExperiment({ population: outcomes, nPerGroup: n, reps, alpha, seed });
		const ab = simulateExperiment({ population: outcomes, nPerGroup: n, reps, alpha, seed: seed + 1, targetRate: Math.max(target, rate) });
		const formulaPower = powerProportions({ p1: rate, p2: Math.max(target, rate), n1: n, alpha });
		const columns: ResultTable['columns'] = [
			{ name: 'test', type: 'VARCHAR' },
			{ name: 'n_per_group', type: 'BIGINT' },
			{ name: 'population', type: 'BIGINT' },
			{ name: 'population_rate', type: 'DOUBLE' },
			{ name: 'target_rate', type: 'DOUBLE' },
			{ name: 'reps', type: 'BIGINT' },
			{ name: 'rejections', type: 'BIGINT' },
			{ name: 'rejection_rate', type: 'DOUBLE' },
			{ name: 'ci_low', type: 'DOUBLE' },
			{ name: 'ci_high', type: 'DOUBLE' },
			{ name: 'expected', type: 'DOUBLE' },
			{ name: 'expected_is', type: 'VARCHAR' }
		];
		return [
			{
				suffix: '',
				columns,
				rows: [
					['A/A: no effect', n, outcomes.length, rate, rate, reps, aa.rejections, aa.rejectionRate, aa.lower, aa.upper, alpha, 'α (false-positive rate)'],
					['A/B: planned effect', n, outcomes.length, rate, ab.targetRate, reps, ab.rejections, ab.rejectionRate, ab.lower, ab.upper, formulaPower, 'power by the formula']
				]
			}
		];
	}
};

function readScenarios(value: unknown): CampaignScenario[] {
	const example = '[{"name": "no effect", "lift": 0, "probability": 0.5}, {"name": "as planned", "lift": 50, "probability": 0.5}]';
	if (!Array.isArray(value) || value.length === 0) throw new Error(`invalid scenarios: expected a list, e.g. ${example}`);
	return value.map((s, i) => {
		const ok = s && typeof s === 'object' && typeof s.name === 'string' && Number.isFinite(s.lift) && Number.isFinite(s.probability);
		if (!ok) throw new Error(`invalid scenarios[${i}]: expected {"name": text, "lift": % relative to the baseline, "probability": 0–1}, e.g. ${example}`);
		return { name: s.name, lift: s.lift / 100, probability: s.probability };
	});
}

export const scenarios: StatsMethod = {
	summary: 'a campaign’s net profit over lift scenarios (seeded Monte Carlo): expected value, P(loss), GO/NO-GO',
	params: ['baseline', 'users', 'revenue_per_conversion', 'discount_pct', 'contact_cost', 'fixed_cost', 'scenarios', 'max_loss_probability', 'draws', 'seed'],
	suffixes: ['_summary', '_distribution'],
	async run(p) {
		const baseline = await p.number('baseline', { min: 0, max: 1 });
		const users = await p.number('users', { min: 1, integer: true });
		const revenue = await p.number('revenue_per_conversion', { min: 0 });
		const discount = (await p.number('discount_pct', { default: 0, min: 0, max: 100 })) / 100;
		const contact = await p.number('contact_cost', { default: 0, min: 0 });
		const fixed = await p.number('fixed_cost', { default: 0, min: 0 });
		// An incremental returner brings their spend less the discount; every returner who would
		// have come back anyway also gets the discount: a cost whatever the lift.
		const discountOnBaseline = users * baseline * revenue * discount;
		const sim = simulateCampaign({
			scenarios: readScenarios(p.json('scenarios')),
			baselineRate: baseline,
			targetedUsers: users,
			revenuePerReactivation: revenue * (1 - discount),
			costPerTargetedUser: contact,
			fixedCost: fixed + discountOnBaseline,
			draws: await p.number('draws', { default: 20_000, min: 100, max: 1_000_000, integer: true }),
			seed: await p.number('seed', { default: 1, integer: true }),
			maxLossProbability: await p.number('max_loss_probability', { default: 0.2, min: 0, max: 1 })
		});
		const s = sim.summary;
		return [
			{
				suffix: '',
				columns: [
					{ name: 'scenario', type: 'VARCHAR' },
					{ name: 'lift', type: 'DOUBLE' },
					{ name: 'probability', type: 'DOUBLE' },
					{ name: 'rate', type: 'DOUBLE' },
					{ name: 'incremental_returns', type: 'DOUBLE' },
					{ name: 'incremental_revenue', type: 'DOUBLE' },
					{ name: 'net_profit', type: 'DOUBLE' },
					{ name: 'draws', type: 'BIGINT' }
				],
				rows: sim.rows.map((r) => [r.name, r.lift, r.probability, r.rate, r.incrementalReactivations, r.incrementalRevenue, r.netProfit, r.draws])
			},
			{
				suffix: '_summary',
				columns: [
					{ name: 'expected_profit', type: 'DOUBLE' },
					{ name: 'simulated_mean_profit', type: 'DOUBLE' },
					{ name: 'probability_of_loss', type: 'DOUBLE' },
					{ name: 'p5', type: 'DOUBLE' },
					{ name: 'p50', type: 'DOUBLE' },
					{ name: 'p95', type: 'DOUBLE' },
					{ name: 'cost', type: 'DOUBLE' },
					{ name: 'decision', type: 'VARCHAR' },
					{ name: 'rule', type: 'VARCHAR' }
				],
				rows: [[s.expectedProfit, s.simulatedMeanProfit, s.probabilityOfLoss, s.p5, s.p50, s.p95, s.cost, s.decision, s.rule]]
			},
			{
				suffix: '_distribution',
				columns: [
					{ name: 'low', type: 'DOUBLE' },
					{ name: 'high', type: 'DOUBLE' },
					{ name: 'draws', type: 'BIGINT' },
					{ name: 'share', type: 'DOUBLE' }
				],
				rows: sim.histogram.map((b) => [b.x0, b.x1, b.count, b.share])
			}
		];
	}
};
