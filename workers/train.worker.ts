// The model trainer's worker (comlink). Requests arrive with their typed arrays transferred; the
// results' typed arrays are transferred back. Progress goes through a proxied callback, not
// awaited: the training does not wait for the page. Cancel = terminate the worker.
import { expose, transfer } from 'comlink';
import { resultBuffers } from '../src/lib/model/result-buffers';
import { trainPropensity, type PropensityRequest } from '../src/lib/model/train-propensity';
import { trainRandomSplit, type RandomSplitRequest } from '../src/lib/model/train-random-split';
import type { ProgressCallback, TrainingProgress } from '../src/lib/model/training-progress';

function report(onProgress: ((progress: TrainingProgress) => unknown) | undefined): ProgressCallback | undefined {
	if (onProgress === undefined) return undefined;
	return (progress) => {
		void Promise.resolve(onProgress(progress)).catch(() => {});
	};
}

const api = {
	async train(request: PropensityRequest, onProgress?: (progress: TrainingProgress) => unknown) {
		const result = await trainPropensity(request, report(onProgress));
		return transfer(result, resultBuffers(result.gbdt, result.logistic));
	},
	async trainRandomSplit(request: RandomSplitRequest, onProgress?: (progress: TrainingProgress) => unknown) {
		const result = await trainRandomSplit(request, report(onProgress));
		return transfer(result, resultBuffers(result.gbdt, result.testRows));
	}
};

expose(api);

export type TrainApi = typeof api;
