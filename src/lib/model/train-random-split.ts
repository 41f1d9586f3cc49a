import { checkFeatureMatrix, selectLabels, selectRows, type FeatureMatrix } from './feature-matrix';
import { resolveGbdtParams, type GbdtParams } from './gbdt-params';
import { trainAndEvaluateGbdt, type GbdtResult } from './gbdt-result';
import { createRandom, deriveSeed } from './random';
import { shuffle } from './sample-rows';
import { topRows } from './top-k';
import { checkSeed, DEFAULT_K, DEFAULT_SEED } from './train-propensity';
import type { ProgressCallback, StopCheck } from './training-progress';

export interface RandomSplitRequest {
	/** One matrix of users (the caller picks which), split at random into training and test users. */
	matrix: FeatureMatrix;
	labels: Uint8Array;
	/** Fraction of the users held out for the test. Default 0.3. */
	testFraction?: number;
	gbdt?: Partial<GbdtParams>;
	/** Default 1. */
	seed?: number;
	/** Default 0.1. */
	k?: number;
}

export interface RandomSplitResult {
	gbdt: GbdtResult;
	/** The test users' row numbers in the matrix, increasing; gbdt.scores[i] is row testRows[i]'s score. */
	testRows: Uint32Array;
	nTrain: number;
	nTest: number;
}

/**
 * The GBDT on a seeded random split of one matrix's users: what a random split reports, to set
 * beside the temporal split (future users scored by a model of past ones).
 */
export async function trainRandomSplit(request: RandomSplitRequest, onProgress?: ProgressCallback, shouldStop?: StopCheck): Promise<RandomSplitResult> {
	const { matrix, labels } = request;
	checkFeatureMatrix(matrix, labels, 'random-split');
	const seed = checkSeed(request.seed ?? DEFAULT_SEED);
	const k = request.k ?? DEFAULT_K;
	topRows(k, 1);
	const fraction = request.testFraction ?? 0.3;
	if (!(fraction > 0 && fraction < 1)) throw new Error(`testFraction must be in (0, 1); it is ${fraction}.`);
	const nTest = Math.round(matrix.rows * fraction);
	if (nTest === 0 || nTest === matrix.rows) throw new Error(`${matrix.rows} rows are too few to split ${fraction} of them off.`);
	const shuffled = shuffle(Uint32Array.from({ length: matrix.rows }, (_, i) => i), createRandom(deriveSeed(seed, 100)));
	const testRows = shuffled.slice(0, nTest).sort();
	const trainRows = shuffled.slice(nTest).sort();
	const gbdt = await trainAndEvaluateGbdt(
		selectRows(matrix, trainRows),
		selectLabels(labels, trainRows),
		selectRows(matrix, testRows),
		selectLabels(labels, testRows),
		resolveGbdtParams(request.gbdt),
		seed,
		k,
		onProgress,
		shouldStop
	);
	return { gbdt, testRows, nTrain: trainRows.length, nTest };
}
