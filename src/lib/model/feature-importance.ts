import type { GbdtModel } from './gbdt-model';

export interface FeatureImportance {
	feature: string;
	/** Total loss reduction of the feature's splits, over all trees. */
	gain: number;
	/** gain / total gain (0 when no tree has a split). */
	share: number;
	/** Splits on the feature. */
	splits: number;
}

/** Total-gain importance per feature, largest first (ties in feature order). */
export function featureImportance(model: GbdtModel): FeatureImportance[] {
	const gain = new Float64Array(model.featureNames.length);
	const splits = new Uint32Array(model.featureNames.length);
	for (const tree of model.trees) {
		for (let node = 0; node < tree.feature.length; node++) {
			const f = tree.feature[node];
			if (f >= 0) {
				gain[f] += tree.gain[node];
				splits[f]++;
			}
		}
	}
	const total = gain.reduce((a, b) => a + b, 0);
	return model.featureNames
		.map((feature, f) => ({ feature, gain: gain[f], share: total > 0 ? gain[f] / total : 0, splits: splits[f] }))
		.sort((a, b) => b.gain - a.gain);
}
