// Planning: how many users a test needs, how long it runs, what it can detect.
import { cupedSampleSize, minimumDetectableEffectProportions, powerProportions, sampleSizeProportions, testDuration } from '../../../stats';
import type { ResultTable } from '../result-table';
import type { SpecParams } from './spec-params';
import type { StatsMethod } from './stats-method';

const RATE = { min: 0, max: 1, inclusive: false };

async function design(p: SpecParams) {
	const baseline = await p.number('baseline', RATE);
	const target = await p.number('target', RATE);
	if (target === baseline) throw new Error(`invalid target: ${target} equals the baseline; a test needs an effect to detect`);
	return {
		baseline,
		target,
		alpha: await p.number('alpha', { default: 0.05, ...RATE }),
		power: await p.number('power', { default: 0.8, ...RATE }),
		sides: (await p.number('sides', { default: 2, min: 1, max: 2, integer: true })) as 1 | 2,
		ratio: await p.number('ratio', { default: 1, min: 0, inclusive: false })
	};
}

export const sampleSize: StatsMethod = {
	summary: 'users per group to detect baseline → target with a two-proportion test; duration and CUPED',
	params: ['baseline', 'target', 'alpha', 'power', 'sides', 'ratio', 'daily_traffic', 'rho'],
	suffixes: [],
	async run(p) {
		const d = await design(p);
		const options = { p1: d.baseline, p2: d.target, alpha: d.alpha, power: d.power, sides: d.sides, ratio: d.ratio };
		const pooled = sampleSizeProportions({ ...options, method: 'pooled' });
		const unpooled = sampleSizeProportions({ ...options, method: 'unpooled' });
		const arcsine = sampleSizeProportions({ ...options, method: 'arcsine' });
		const daily = p.has('daily_traffic') ? await p.number('daily_traffic', { min: 0 }) : null;
		const rho = await p.number('rho', { default: 0, min: -1, max: 1 });
		const cupedN1 = cupedSampleSize(pooled.n1, rho);
		const cupedTotal = cupedN1 + Math.ceil(d.ratio * cupedN1);
		// Days over both groups' total: daily traffic is every eligible user, split between the groups.
		const days = (total: number) => (daily && daily > 0 ? testDuration({ nPerGroup: total, groups: 1, dailyTraffic: daily }).days : null);
		const table: ResultTable = {
			suffix: '',
			columns: [
				{ name: 'baseline', type: 'DOUBLE' },
				{ name: 'target', type: 'DOUBLE' },
				{ name: 'alpha', type: 'DOUBLE' },
				{ name: 'power', type: 'DOUBLE' },
				{ name: 'n_per_group', type: 'BIGINT' },
				{ name: 'days', type: 'BIGINT' },
				{ name: 'n_treatment', type: 'BIGINT' },
				{ name: 'n_total', type: 'BIGINT' },
				{ name: 'n_per_group_unpooled', type: 'BIGINT' },
				{ name: 'n_per_group_arcsine', type: 'BIGINT' },
				{ name: 'daily_traffic', type: 'DOUBLE' },
				{ name: 'rho', type: 'DOUBLE' },
				{ name: 'n_per_group_cuped', type: 'BIGINT' },
				{ name: 'days_cuped', type: 'BIGINT' },
				{ name: 'sides', type: 'BIGINT' }
			],
			rows: [
				[
					d.baseline, d.target, d.alpha, d.power, pooled.n1, days(pooled.total), pooled.n2, pooled.total,
					unpooled.n1, arcsine.n1, daily, rho, cupedN1, days(cupedTotal), d.sides
				]
			]
		};
		return [table];
	}
};

export const minimumDetectableEffect: StatsMethod = {
	summary: 'the smallest target rate a test of the given size detects with the given power',
	params: ['baseline', 'users', 'n_per_group', 'alpha', 'power', 'sides'],
	suffixes: [],
	async run(p) {
		const baseline = await p.number('baseline', RATE);
		// `users` split in two equal groups, or `n_per_group` given directly.
		const n = p.has('n_per_group')
			? await p.number('n_per_group', { min: 2 })
			: Math.floor((await p.number('users', { min: 4 })) / 2);
		const alpha = await p.number('alpha', { default: 0.05, ...RATE });
		const power = await p.number('power', { default: 0.8, ...RATE });
		const sides = (await p.number('sides', { default: 2, min: 1, max: 2, integer: true })) as 1 | 2;
		let mde: { p2: number; absolute: number; relative: number } | null = null;
		try {
			mde = minimumDetectableEffectProportions({ p1: baseline, n1: n, alpha, power, sides });
		} catch {
			mde = null; // even a rate of 1 is not detected with this power: no row values
		}
		return [
			{
				suffix: '',
				columns: [
					{ name: 'baseline', type: 'DOUBLE' },
					{ name: 'n_per_group', type: 'BIGINT' },
					{ name: 'alpha', type: 'DOUBLE' },
					{ name: 'power', type: 'DOUBLE' },
					{ name: 'detectable_target', type: 'DOUBLE' },
					{ name: 'absolute_effect', type: 'DOUBLE' },
					{ name: 'relative_effect', type: 'DOUBLE' }
				],
				rows: [[baseline, n, alpha, power, mde?.p2 ?? null, mde?.absolute ?? null, mde?.relative ?? null]]
			}
		];
	}
};

export const powerCurve: StatsMethod = {
	summary: 'power of the two-proportion test by users per group, up to n_max (twice it by default)',
	params: ['baseline', 'target', 'alpha', 'power', 'sides', 'n_max', 'points'],
	suffixes: [],
	async run(p) {
		const d = await design(p);
		const reference = await p.number('n_max', { min: 2 });
		const points = await p.number('points', { default: 60, min: 2, max: 1000, integer: true });
		const top = Math.max(4, Math.ceil(2 * reference));
		const rows: ResultTable['rows'] = [];
		for (let i = 1; i <= points; i++) {
			const n = Math.max(2, Math.round((top * i) / points));
			const power = powerProportions({ p1: d.baseline, p2: d.target, n1: n, n2: n * d.ratio, alpha: d.alpha, sides: d.sides });
			rows.push([n, power, d.power]);
		}
		return [{ suffix: '', columns: [{ name: 'n_per_group', type: 'BIGINT' }, { name: 'power', type: 'DOUBLE' }, { name: 'target_power', type: 'DOUBLE' }], rows }];
	}
};
