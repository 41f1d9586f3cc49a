import type { GbdtModel } from './gbdt-model';
import { GBDT_DEFAULTS, type GbdtParams } from './gbdt-params';
import type { Tree } from './tree';

/**
 * A tree as parallel arrays, one entry per node (root first). Leaves have feature -1 and
 * left = right = -1. `threshold` is null where it is Infinity (a split of missing values against
 * all others), which JSON cannot hold.
 */
export interface TreeJson {
	feature: number[];
	bin: number[];
	threshold: (number | null)[];
	missingLeft: (0 | 1)[];
	left: number[];
	right: number[];
	value: number[];
	cover: number[];
	gain: number[];
}

/** The trained booster as plain JSON; numbers are written exactly, so it round-trips bit for bit. */
export interface GbdtModelJson {
	format: 'cin-gbdt';
	version: 1;
	featureNames: string[];
	/** Per feature, the increasing bin edges (see bin-features). */
	binEdges: number[][];
	baseScore: number;
	params: GbdtParams;
	seed: number;
	trees: TreeJson[];
}

export function gbdtModelToJson(model: GbdtModel): GbdtModelJson {
	return {
		format: 'cin-gbdt',
		version: 1,
		featureNames: [...model.featureNames],
		binEdges: model.binEdges.map((edges) => Array.from(edges)),
		baseScore: model.baseScore,
		params: { ...model.params },
		seed: model.seed,
		trees: model.trees.map((tree) => ({
			feature: Array.from(tree.feature),
			bin: Array.from(tree.bin),
			threshold: Array.from(tree.threshold, (t) => (t === Infinity ? null : t)),
			missingLeft: Array.from(tree.missingLeft, (m) => (m === 1 ? 1 : 0)),
			left: Array.from(tree.left),
			right: Array.from(tree.right),
			value: Array.from(tree.value),
			cover: Array.from(tree.cover),
			gain: Array.from(tree.gain)
		}))
	};
}

/** The model of a JSON object (or its text); throws a sentence saying what is wrong. */
export function gbdtModelFromJson(json: GbdtModelJson | string): GbdtModel {
	const data = (typeof json === 'string' ? JSON.parse(json) : json) as GbdtModelJson;
	const fail = (what: string): never => {
		throw new Error(`Not a propensity model: ${what}.`);
	};
	if (data === null || typeof data !== 'object' || data.format !== 'cin-gbdt') fail('the format is not cin-gbdt');
	if (data.version !== 1) fail(`version ${String(data.version)} is not 1`);
	if (!Array.isArray(data.featureNames) || !Array.isArray(data.binEdges) || data.binEdges.length !== data.featureNames.length) {
		fail('the feature names and bin edges do not match');
	}
	if (typeof data.baseScore !== 'number' || !Array.isArray(data.trees)) fail('the base score or trees are missing');
	const nFeatures = data.featureNames.length;
	const trees = data.trees.map((t, i): Tree => {
		const nodes = t.feature?.length ?? 0;
		const keys = ['bin', 'threshold', 'missingLeft', 'left', 'right', 'value', 'cover', 'gain'] as const;
		if (nodes === 0 || keys.some((key) => !Array.isArray(t[key]) || t[key].length !== nodes)) fail(`tree ${i} has arrays of different lengths`);
		for (let node = 0; node < nodes; node++) {
			const f = t.feature[node];
			const isLeaf = f === -1;
			if (!Number.isInteger(f) || f < -1 || f >= nFeatures) fail(`tree ${i} node ${node} has feature ${f}`);
			const [l, r] = [t.left[node], t.right[node]];
			if (isLeaf ? l !== -1 || r !== -1 : !(l > node && r > node && l < nodes && r < nodes)) fail(`tree ${i} node ${node} has children ${l}, ${r}`);
		}
		return {
			feature: Int32Array.from(t.feature),
			bin: Uint8Array.from(t.bin),
			threshold: Float64Array.from(t.threshold, (x) => (x === null ? Infinity : x)),
			missingLeft: Uint8Array.from(t.missingLeft),
			left: Int32Array.from(t.left),
			right: Int32Array.from(t.right),
			value: Float64Array.from(t.value),
			cover: Float64Array.from(t.cover),
			gain: Float64Array.from(t.gain)
		};
	});
	return {
		featureNames: [...data.featureNames],
		binEdges: data.binEdges.map((edges) => Float64Array.from(edges)),
		baseScore: data.baseScore,
		trees,
		params: { ...GBDT_DEFAULTS, ...data.params },
		seed: data.seed
	};
}
