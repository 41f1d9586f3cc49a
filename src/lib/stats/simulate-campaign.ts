import { histogram, type HistogramBin } from './histogram';
import { mulberry32 } from './mulberry32';
import { quantileSorted } from './quantile';
import { sampleBinomial } from './sample-binomial';
import { checkClosedUnitInterval, checkFinite, checkInteger, checkNonNegative, checkUnitInterval } from './validate';

export interface CampaignScenario {
	name: string;
	/** Relative lift of the reactivation rate: the targeted rate is baselineRate · (1 + lift). */
	lift: number;
	/** Probability of this scenario; the scenarios' probabilities sum to 1. */
	probability: number;
}

export interface SimulateCampaignOptions {
	scenarios: CampaignScenario[];
	/** Reactivation rate without the campaign. */
	baselineRate: number;
	/** Users the campaign targets. */
	targetedUsers: number;
	/** Revenue from each incremental reactivation. */
	revenuePerReactivation: number;
	/** Cost per targeted user (discount, message); default 0. */
	costPerTargetedUser?: number;
	/** Fixed cost of the campaign; default 0. */
	fixedCost?: number;
	/** Monte Carlo draws; default 10,000. */
	draws?: number;
	/** Default 1. */
	seed?: number;
	/** Histogram bins of the profit distribution; default 30. */
	bins?: number;
	/** GO needs expected profit above this; default 0. */
	minExpectedProfit?: number;
	/** GO needs P(loss) below this; default 0.2. */
	maxLossProbability?: number;
}

export interface CampaignScenarioRow {
	name: string;
	lift: number;
	probability: number;
	/** baselineRate · (1 + lift). */
	rate: number;
	/** Expected incremental reactivations: targetedUsers · baselineRate · lift. */
	incrementalReactivations: number;
	incrementalRevenue: number;
	/** incrementalRevenue − cost. */
	netProfit: number;
	/** Draws that fell in this scenario. */
	draws: number;
}

export interface CampaignSummary {
	/** Σ probability · netProfit over the scenarios (exact). */
	expectedProfit: number;
	/** Mean net profit of the draws. */
	simulatedMeanProfit: number;
	/** Share of draws with net profit < 0. */
	probabilityOfLoss: number;
	p5: number;
	p50: number;
	p95: number;
	/** Total campaign cost: targetedUsers · costPerTargetedUser + fixedCost. */
	cost: number;
	decision: 'GO' | 'NO-GO';
	/** The decision rule in words. */
	rule: string;
}

export interface SimulateCampaign {
	rows: CampaignScenarioRow[];
	summary: CampaignSummary;
	histogram: HistogramBin[];
}

/**
 * Monte Carlo of a reactivation campaign's net profit. Each draw picks a scenario by its probability,
 * then the incremental reactivations: each targeted user is moved by the campaign with probability
 * |baselineRate · lift|, so the count is Binomial(targetedUsers, |baselineRate · lift|), negative when
 * the lift is (users the campaign puts off). A scenario with lift 0 adds nothing and loses exactly
 * the cost. Net profit = incremental · revenuePerReactivation − cost.
 */
export function simulateCampaign(options: SimulateCampaignOptions): SimulateCampaign {
	const {
		scenarios,
		baselineRate,
		targetedUsers,
		revenuePerReactivation,
		costPerTargetedUser = 0,
		fixedCost = 0,
		draws = 10_000,
		seed = 1,
		bins = 30,
		minExpectedProfit = 0,
		maxLossProbability = 0.2
	} = options;
	if (!Array.isArray(scenarios) || scenarios.length === 0) throw new Error('invalid scenarios: must be a non-empty array of { name, lift, probability }');
	checkClosedUnitInterval('baselineRate', baselineRate);
	checkInteger('targetedUsers', targetedUsers, 1);
	checkNonNegative('revenuePerReactivation', revenuePerReactivation);
	checkNonNegative('costPerTargetedUser', costPerTargetedUser);
	checkNonNegative('fixedCost', fixedCost);
	checkInteger('draws', draws, 1);
	checkFinite('minExpectedProfit', minExpectedProfit);
	checkUnitInterval('maxLossProbability', maxLossProbability);
	scenarios.forEach((s, i) => {
		checkFinite(`scenarios[${i}].lift`, s.lift);
		checkClosedUnitInterval(`scenarios[${i}].probability`, s.probability);
		const rate = baselineRate * (1 + s.lift);
		if (!(rate >= 0 && rate <= 1)) {
			throw new Error(`invalid scenarios[${i}].lift: ${s.lift} (baselineRate · (1 + lift) must be between 0 and 1, got ${rate})`);
		}
	});
	const totalProbability = scenarios.reduce((sum, s) => sum + s.probability, 0);
	if (Math.abs(totalProbability - 1) > 1e-9) throw new Error(`invalid scenarios: probabilities sum to ${totalProbability} (must sum to 1)`);

	const cost = targetedUsers * costPerTargetedUser + fixedCost;
	const random = mulberry32(seed);
	const counts = new Array<number>(scenarios.length).fill(0);
	const profits = new Float64Array(draws);
	for (let d = 0; d < draws; d++) {
		let u = random();
		let k = 0;
		while (k < scenarios.length - 1 && u >= scenarios[k].probability) u -= scenarios[k++].probability;
		counts[k]++;
		const moved = baselineRate * scenarios[k].lift;
		const incremental = Math.sign(moved) * sampleBinomial(random, targetedUsers, Math.abs(moved));
		profits[d] = incremental * revenuePerReactivation - cost;
	}

	const rows = scenarios.map((s, i) => {
		const incrementalReactivations = targetedUsers * baselineRate * s.lift;
		const incrementalRevenue = incrementalReactivations * revenuePerReactivation;
		return {
			name: s.name,
			lift: s.lift,
			probability: s.probability,
			rate: baselineRate * (1 + s.lift),
			incrementalReactivations,
			incrementalRevenue,
			netProfit: incrementalRevenue - cost,
			draws: counts[i]
		};
	});
	const expectedProfit = rows.reduce((sum, r) => sum + r.probability * r.netProfit, 0);
	let losses = 0;
	let total = 0;
	for (let d = 0; d < draws; d++) {
		total += profits[d];
		if (profits[d] < 0) losses++;
	}
	const probabilityOfLoss = losses / draws;
	const sorted = Float64Array.from(profits).sort();
	const go = expectedProfit > minExpectedProfit && probabilityOfLoss < maxLossProbability;
	return {
		rows,
		summary: {
			expectedProfit,
			simulatedMeanProfit: total / draws,
			probabilityOfLoss,
			p5: quantileSorted(sorted, 0.05),
			p50: quantileSorted(sorted, 0.5),
			p95: quantileSorted(sorted, 0.95),
			cost,
			decision: go ? 'GO' : 'NO-GO',
			rule: `GO when expected profit > ${minExpectedProfit} and P(loss) < ${Math.round(maxLossProbability * 1000) / 10}%`
		},
		histogram: histogram(profits, bins)
	};
}
