import type { PropensityRequest, PropensityResult } from './train-propensity';
import { trainPropensity } from './train-propensity';
import { trainRandomSplit, type RandomSplitRequest, type RandomSplitResult } from './train-random-split';
import { TrainingCancelledError } from './training-cancelled-error';
import type { ProgressCallback, StopCheck } from './training-progress';

/**
 * Where models are trained: in a worker (the page) or in this thread (Node, tests). An aborted
 * signal rejects the promise with TrainingCancelledError (name 'AbortError').
 */
export interface Trainer {
	train(request: PropensityRequest, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<PropensityResult>;
	trainRandomSplit(request: RandomSplitRequest, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<RandomSplitResult>;
}

/**
 * Trains in the calling thread, yielding to the event loop between trees (so that timers,
 * I/O and an abort get their turn) and stopping at the next tree once the signal is aborted.
 */
export const inProcessTrainer: Trainer = {
	train: (request, onProgress, signal) => withSignal(signal, (shouldStop) => trainPropensity(request, onProgress, shouldStop)),
	trainRandomSplit: (request, onProgress, signal) => withSignal(signal, (shouldStop) => trainRandomSplit(request, onProgress, shouldStop))
};

async function withSignal<T>(signal: AbortSignal | undefined, run: (shouldStop: StopCheck) => Promise<T>): Promise<T> {
	if (signal?.aborted) throw new TrainingCancelledError();
	return run(async () => {
		await new Promise((resolve) => setTimeout(resolve, 0));
		return signal?.aborted === true;
	});
}
