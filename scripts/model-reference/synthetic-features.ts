// A seeded synthetic user × feature table shaped like the notebook's propensity features:
// skewed counts (most users view a little, a few a lot), missing values where a feature has no
// meaning (no cart → no days since the last cart), and a purchase label that depends on the
// features non-linearly (thresholds and an interaction), so that trees have something to find.
import type { FeatureMatrix } from '../../src/lib/model/feature-matrix';
import { createRandom, type Random } from '../../src/lib/model/random';

export const FEATURE_NAMES = [
	'views',
	'sessions',
	'carts',
	'purchases_prev',
	'days_active',
	'recency_days',
	'tenure_days',
	'avg_price',
	'max_price',
	'price_std',
	'distinct_categories',
	'distinct_brands',
	'cart_rate',
	'weekend_share',
	'night_share',
	'mean_session_minutes',
	'days_since_last_cart'
];

export interface SyntheticTable {
	matrix: FeatureMatrix;
	labels: Uint8Array;
	/** Each value as written to CSV (rounded decimals); the matrix holds Math.fround of it. */
	values: Float64Array[];
}

export function syntheticFeatures(rows: number, seed: number): SyntheticTable {
	const random = createRandom(seed);
	const normal = gaussian(random);
	const values = FEATURE_NAMES.map(() => new Float64Array(rows));
	const labels = new Uint8Array(rows);
	const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
	for (let i = 0; i < rows; i++) {
		const views = Math.max(1, Math.round(Math.exp(2 + 1.2 * normal())));
		const sessions = Math.max(1, Math.round(views ** 0.6 * random()));
		const carts = Math.round(views * random() ** 3 * 0.3);
		const purchasesPrev = random() < 0.15 ? 1 + Math.floor(-Math.log(1 - random()) * 1.5) : 0;
		const daysActive = Math.min(sessions, 1 + Math.floor(random() * 30));
		const recency = Math.min(90, Math.floor(-Math.log(1 - random()) * 15));
		const tenure = recency + Math.floor(random() * 300);
		const avgPrice = round(Math.exp(4 + 0.9 * normal()), 2);
		const maxPrice = round(avgPrice * (1 + random() * 2), 2);
		const priceStd = views < 2 ? Number.NaN : round(avgPrice * random() * 0.5, 2);
		const categories = Math.min(views, 1 + Math.floor(-Math.log(1 - random()) * 3));
		const brands = Math.min(views, 1 + Math.floor(-Math.log(1 - random()) * 4));
		const cartRate = round(carts / views, 4);
		const weekend = round(random(), 2);
		const night = round(random() ** 2, 2);
		const sessionMinutes = round(Math.exp(2 + 0.8 * normal()), 1);
		const sinceCart = carts === 0 ? Number.NaN : Math.min(120, recency + Math.floor(-Math.log(1 - random()) * 5));
		const row = [views, sessions, carts, purchasesPrev, daysActive, recency, tenure, avgPrice, maxPrice, priceStd, categories, brands, cartRate, weekend, night, sessionMinutes, sinceCart];
		for (let f = 0; f < row.length; f++) values[f][i] = row[f];

		const logit =
			-3.6 +
			0.9 * Math.log1p(carts) +
			0.6 * Math.min(purchasesPrev, 3) -
			0.04 * Math.min(recency, 60) +
			(recency <= 7 && sessions >= 3 ? 1.0 : 0) +
			((cartRate > 0.05) !== (weekend > 0.6) ? 0.8 : 0) +
			0.5 * Math.sin(Math.log(avgPrice) * 2) +
			(Number.isNaN(sinceCart) ? -0.4 : 0.6 - 0.05 * sinceCart) +
			0.3 * normal();
		labels[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
	}
	const columns = values.map((column) => Float32Array.from(column));
	return { matrix: { names: [...FEATURE_NAMES], columns, rows }, labels, values };
}

function gaussian(random: Random): () => number {
	return () => {
		const u = 1 - random();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
	};
}
