// Reading out a test: the two groups' counts (or means) compared every way the lab offers.
import {
	betaBinomialComparison,
	chiSquare2x2,
	groupSequentialBoundaries,
	newcombeInterval,
	relativeLift,
	sampleRatioMismatch,
	tInterval,
	twoProportionZTest,
	welchTTest,
	wilsonInterval,
	type TwoCounts
} from '../../../stats';
import type { ResultColumn, ResultTable, ResultValue } from '../result-table';
import type { SpecParams } from './spec-params';
import type { StatsMethod } from './stats-method';

const READOUT_COLUMNS: ResultColumn[] = [
	{ name: 'measure', type: 'VARCHAR' },
	{ name: 'estimate', type: 'DOUBLE' },
	{ name: 'ci_low', type: 'DOUBLE' },
	{ name: 'ci_high', type: 'DOUBLE' },
	{ name: 'statistic', type: 'DOUBLE' },
	{ name: 'p_value', type: 'DOUBLE' },
	{ name: 'verdict', type: 'VARCHAR' }
];

const significant = (p: number, alpha: number) => (p < alpha ? `significant at α = ${alpha}` : `not significant at α = ${alpha}`);

async function counts(p: SpecParams): Promise<TwoCounts> {
	const count = (name: string) => p.number(name, { min: 0, integer: true });
	const c = { x1: await count('a_conversions'), n1: await count('a_users'), x2: await count('b_conversions'), n2: await count('b_users') };
	if (c.x1 > c.n1 || c.x2 > c.n2) throw new Error('invalid counts: a group has more conversions than users');
	if (c.n1 === 0 || c.n2 === 0) throw new Error('invalid counts: a group has no users');
	return c;
}

export const compareProportions: StatsMethod = {
	summary: 'two groups’ conversion counts: Wilson, Newcombe, lift, z-test, chi-square, Bayesian, SRM',
	params: ['a_users', 'a_conversions', 'b_users', 'b_conversions', 'alpha', 'planned_ratio'],
	suffixes: [],
	async run(p) {
		const c = await counts(p);
		const alpha = await p.number('alpha', { default: 0.05, min: 0, max: 1, inclusive: false });
		const ratio = await p.number('planned_ratio', { default: 1, min: 0, inclusive: false });
		const confidence = 1 - alpha;
		const rows: ResultValue[][] = [];
		const a = wilsonInterval(c.x1, c.n1, confidence);
		const b = wilsonInterval(c.x2, c.n2, confidence);
		rows.push(['rate A (Wilson interval)', a.estimate, a.lower, a.upper, null, null, null]);
		rows.push(['rate B (Wilson interval)', b.estimate, b.lower, b.upper, null, null, null]);
		const diff = newcombeInterval(c, confidence);
		rows.push(['difference B − A (Newcombe interval)', diff.estimate, diff.lower, diff.upper, null, null, null]);
		if (c.x1 > 0 && c.x2 > 0) {
			const lift = relativeLift(c, confidence);
			rows.push(['relative lift B / A − 1 (log-ratio interval)', lift.lift, lift.lower, lift.upper, null, null, null]);
		} else {
			rows.push(['relative lift B / A − 1 (log-ratio interval)', null, null, null, null, null, 'needs a conversion in each group']);
		}
		const z = twoProportionZTest(c, { confidence });
		rows.push(['two-proportion z-test', z.difference, z.lower, z.upper, z.z, z.pValue, significant(z.pValue, alpha)]);
		const chi = chiSquare2x2([[c.x1, c.n1 - c.x1], [c.x2, c.n2 - c.x2]]);
		rows.push(['chi-square test of the 2×2 table', null, null, null, chi.statistic, chi.pValue, significant(chi.pValue, alpha)]);
		const bayes = betaBinomialComparison(c, { credibility: confidence });
		rows.push(['P(B > A), Beta(1, 1) priors', bayes.probabilityBBeatsA, null, null, null, null, `${bayes.method} computation`]);
		rows.push(['expected loss choosing B (rate points)', bayes.expectedLossB, null, null, null, null, null]);
		const srm = sampleRatioMismatch([c.n1, c.n2], { ratio: [1, ratio] });
		rows.push(['sample ratio mismatch (chi-square)', c.n2 / c.n1, null, null, srm.chiSquare, srm.pValue, srm.mismatch ? `MISMATCH: ${srm.rule}` : `ok: ${srm.rule}`]);
		return [{ suffix: '', columns: READOUT_COLUMNS, rows }];
	}
};

export const compareMeans: StatsMethod = {
	summary: 'two groups’ means (mean, SD, n each): t intervals and Welch’s t-test',
	params: ['a_mean', 'a_sd', 'a_n', 'b_mean', 'b_sd', 'b_n', 'alpha'],
	suffixes: [],
	async run(p) {
		const group = async (g: 'a' | 'b') => ({
			mean: await p.number(`${g}_mean`),
			sd: await p.number(`${g}_sd`, { min: 0 }),
			n: await p.number(`${g}_n`, { min: 2, integer: true })
		});
		const a = await group('a');
		const b = await group('b');
		const alpha = await p.number('alpha', { default: 0.05, min: 0, max: 1, inclusive: false });
		const ia = tInterval(a, 1 - alpha);
		const ib = tInterval(b, 1 - alpha);
		const welch = welchTTest(a, b, { confidence: 1 - alpha });
		return [
			{
				suffix: '',
				columns: [...READOUT_COLUMNS, { name: 'df', type: 'DOUBLE' }],
				rows: [
					['mean A (t interval)', ia.estimate, ia.lower, ia.upper, null, null, null, ia.df],
					['mean B (t interval)', ib.estimate, ib.lower, ib.upper, null, null, null, ib.df],
					['difference B − A (Welch’s t-test)', welch.difference, welch.lower, welch.upper, welch.t, welch.pValue, significant(welch.pValue, alpha), welch.df]
				]
			}
		];
	}
};

export const sequential: StatsMethod = {
	summary: 'group-sequential boundaries (Lan–DeMets α spending) for planned interim looks',
	params: ['looks', 'alpha', 'sides', 'design'],
	suffixes: [],
	async run(p) {
		const looks = await p.number('looks', { default: 5, min: 1, max: 20, integer: true });
		const alpha = await p.number('alpha', { default: 0.05, min: 0, max: 1, inclusive: false });
		const sides = (await p.number('sides', { default: 2, min: 1, max: 2, integer: true })) as 1 | 2;
		const design = await p.text('design', ['obrien-fleming-spending', 'pocock-spending', 'obrien-fleming', 'pocock'] as const, 'obrien-fleming-spending');
		const b = groupSequentialBoundaries({ looks, alpha, sides, design });
		return [
			{
				suffix: '',
				columns: [
					{ name: 'look', type: 'BIGINT' },
					{ name: 'information_fraction', type: 'DOUBLE' },
					{ name: 'z_boundary', type: 'DOUBLE' },
					{ name: 'nominal_alpha', type: 'DOUBLE' },
					{ name: 'cumulative_alpha', type: 'DOUBLE' },
					{ name: 'design', type: 'VARCHAR' }
				],
				rows: b.z.map((z, k) => [k + 1, b.informationFractions[k], z, b.nominalAlpha[k], b.cumulativeAlpha[k], design])
			}
		];
	}
};
