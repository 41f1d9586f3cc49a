import { chartCell, inputCell, specCell, sqlCell } from '../cell-fence';
import { AT_RISK_SEGMENTS, RFM_SEGMENTS } from '../rfm/rfm-segments';
import { labBaselineSql } from './lab-baseline-sql';
import { labPopulationSql } from './lab-population-sql';
import { labTrialSql } from './lab-trial-sql';
import { cutDateSql } from '../propensity/propensity-features-sql';

/** The features table whose rows are the users as of the test cut (the model section's). */
export const LAB_FEATURES = 'features_test';

const window = { cut: cutDateSql('model_test_cut', 'last'), end: 'CAST($model_test_end AS DATE)', segment: '$lab_segment' };

/** The lift scenarios of the campaign, relative to the baseline, with the weight each is given. */
export const LAB_SCENARIOS = [
	{ name: 'no effect', lift: 0, probability: 0.3 },
	{ name: 'half the plan', lift: 25, probability: 0.3 },
	{ name: 'as planned', lift: 50, probability: 0.3 },
	{ name: 'twice the plan', lift: 100, probability: 0.1 }
];

/** Section 10 of the Customer Intelligence notebook: plan, simulate and read out a win-back test. */
export function labSection(): string {
	return `## 10. Experiment lab

A win-back campaign for one RFM segment, planned from this dataset rather than from typed-in
guesses. The users are the segment's members **as of the model section's test cut**
(\`$model_test_cut\`, scored on what they did before it); the outcome is whether they bought in
the month after it (\`$model_test_end\`). Their measured return rate is the baseline a campaign
must beat. Every figure below comes from a stated formula over these cells; the stats cells'
specs name their inputs.

${inputCell('lab_segment', { type: 'select', value: AT_RISK_SEGMENTS[1], options: RFM_SEGMENTS.map((s) => s.name), label: 'Segment targeted' })}

${sqlCell('lab_population', labPopulationSql({ features: LAB_FEATURES, ...window }))}

${sqlCell('lab_baseline', labBaselineSql({ population: 'lab_population', ...window }))}

### Planning

The test compares the segment's return rate with and without the offer. **α** is the chance of
calling a lift that is not there, **power** the chance of detecting the planned one; the
minimum effect is a relative lift of the measured baseline.

${inputCell('lab_alpha', { type: 'number', value: 0.05, min: 0.001, max: 0.2, step: 0.005, label: 'α (two-sided)' })}

${inputCell('lab_power', { type: 'number', value: 0.8, min: 0.5, max: 0.99, step: 0.05, label: 'Power' })}

${inputCell('lab_lift', { type: 'number', value: 50, min: 1, max: 500, step: 5, label: 'Minimum effect: relative lift, %' })}

${sqlCell(
	'lab_plan',
	`SELECT baseline,
  baseline * (1 + $lab_lift / 100) AS target,
  daily_eligible,
  coalesce(rho_returned, 0) AS rho,
  users,
  spend_per_returner
FROM lab_baseline`
)}

Users per group for a two-sided test of two proportions, with the variance pooled under H0 and
unpooled under H1 (Fleiss; statsmodels and G*Power give the same), beside the fully unpooled
and Cohen's arcsine versions. **Duration** = ⌈2 n / eligible users per day⌉. **CUPED** adjusts
the outcome by the pre-period spend; it divides the variance, and so the sample, by 1 − ρ², ρ
measured on this segment.

${specCell('stats', 'lab_sample_size', {
	method: 'sample_size',
	baseline: 'lab_plan.baseline',
	target: 'lab_plan.target',
	alpha: '$lab_alpha',
	power: '$lab_power',
	daily_traffic: 'lab_plan.daily_eligible',
	rho: 'lab_plan.rho'
})}

With every user of the segment in the test, half in each group, the smallest return rate the
test would detect:

${specCell('stats', 'lab_mde', { method: 'mde', baseline: 'lab_plan.baseline', users: 'lab_plan.users', alpha: '$lab_alpha', power: '$lab_power' })}

${specCell('stats', 'lab_power_curve', { method: 'power_curve', baseline: 'lab_plan.baseline', target: 'lab_plan.target', alpha: '$lab_alpha', n_max: 'lab_sample_size.n_per_group' })}

${chartCell('lab_power_chart', {
	data: 'lab_power_curve',
	title: 'Power by users per group, for the planned effect',
	height: 260,
	x: { label: 'users per group', grid: true },
	y: { label: 'power', domain: [0, 1], grid: true },
	marks: [{ type: 'lineY', x: 'n_per_group', y: 'power', stroke: 'steelblue' }, { type: 'ruleY', y: 'target_power', stroke: 'firebrick' }]
})}

### Does the formula hold on these users?

The segment's real users split at random into two groups of the planned size (or half the
segment, if it is smaller), many times (seeded). With no effect the test should reject about α
of the time (the false-positive rate); with the planned effect planted in B, about the formula's
power. Both rates come with their Wilson 95% interval.

${specCell('stats', 'lab_simulation', {
	method: 'simulate',
	outcomes: 'lab_population.returned',
	n_per_group: 'lab_sample_size.n_per_group',
	target: 'lab_plan.target',
	alpha: '$lab_alpha',
	reps: 400,
	seed: 20191101
})}

### Reading out a test

How a readout reads, on a simulated run: the segment's users put in A or B by a seeded hash of
their id, the planned effect planted in B. Rates get Wilson intervals, the difference Newcombe's
hybrid score interval, the relative lift a delta-method interval on the log ratio; the
two-proportion z-test and the 2×2 chi-square test the same hypothesis; the Bayesian comparison
gives P(B > A) under uniform priors; the sample-ratio check flags a split that is not 50/50 (at
p < 0.001). Spend per user, a mean, gets Welch's t-test.

${sqlCell('lab_trial', labTrialSql({ population: 'lab_population', plan: 'lab_plan', seed: '42' }))}

${specCell('stats', 'lab_readout', {
	method: 'compare_proportions',
	a_users: 'lab_trial.a_users',
	a_conversions: 'lab_trial.a_conversions',
	b_users: 'lab_trial.b_users',
	b_conversions: 'lab_trial.b_conversions',
	alpha: '$lab_alpha'
})}

${specCell('stats', 'lab_readout_spend', {
	method: 'compare_means',
	a_mean: 'lab_trial.a_mean_spend',
	a_sd: 'lab_trial.a_sd_spend',
	a_n: 'lab_trial.a_users',
	b_mean: 'lab_trial.b_mean_spend',
	b_sd: 'lab_trial.b_sd_spend',
	b_n: 'lab_trial.b_users',
	alpha: '$lab_alpha'
})}

**Looking early.** Checking a running test every day and stopping at the first p < α inflates
the false-positive rate far past α. Planned interim looks with O'Brien–Fleming-type boundaries
(Lan–DeMets α spending) keep the overall α: stop early only if |z| passes the look's boundary.

${specCell('stats', 'lab_sequential', { method: 'sequential', looks: 5, alpha: '$lab_alpha' })}

### Is the campaign worth it?

Revenue per returning user is the segment's measured spend per returner in the outcome
window; the offer is a discount on it, given to every returner (including those who would have
come back anyway), plus a contact cost per targeted user. The lift is uncertain, so it is drawn
from the scenarios below with their weights; returns are then drawn per user (seeded).

${inputCell('lab_discount', { type: 'number', value: 10, min: 0, max: 100, step: 5, label: 'Discount on a returner’s spend, %' })}

${inputCell('lab_contact_cost', { type: 'number', value: 0.5, min: 0, max: 100, step: 0.1, label: 'Cost per targeted user' })}

${specCell('stats', 'lab_scenarios', {
	method: 'scenarios',
	baseline: 'lab_plan.baseline',
	users: 'lab_plan.users',
	revenue_per_conversion: 'lab_plan.spend_per_returner',
	discount_pct: '$lab_discount',
	contact_cost: '$lab_contact_cost',
	scenarios: LAB_SCENARIOS,
	max_loss_probability: 0.2,
	draws: 20000,
	seed: 7
})}

${chartCell('lab_profit_chart', {
	data: 'lab_scenarios_distribution',
	title: 'Net profit of the campaign over the drawn outcomes',
	height: 240,
	x: { label: 'net profit' },
	y: { label: 'share of draws', grid: true },
	marks: [{ type: 'rectY', x1: 'low', x2: 'high', y: 'share', fill: 'steelblue' }, { type: 'ruleX', x: 0, stroke: 'firebrick' }]
})}

### The original platform's plan, recomputed

The platform planned this campaign for "Can't lose them" with a reactivation rate of 3.2% → 5.0%,
α 0.05, power 0.8, and reported "4,200 users per group" and "14 days at 600 users/day". From its
own inputs:

${specCell('stats', 'lab_original_case', {
	method: 'sample_size',
	baseline: 0.032,
	target: 0.05,
	alpha: 0.05,
	power: 0.8,
	daily_traffic: 1200
})}

- the classic formula gives **1,904** users per group (1,882.4 with Cohen's arcsine h, so 1,883
  rounded up), not 4,200;
- 4,200 per group at 600 users a day per variant is **7 days**, not 14 (the cell above assumes
  600 a day per variant, 1,200 in all: 1,904 per group takes 4 days);
- a "no effect" scenario brings no incremental revenue, so it **loses** the campaign's cost (the
  platform showed +$80K for it);
- Welch's t-test compares means; a reactivation rate is a proportion and wants the two-proportion
  test (or chi-square) used above.
`;
}
