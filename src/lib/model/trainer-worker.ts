// The page's trainer: one module worker per training, terminated when the training ends, fails
// or is cancelled (terminating is the cancel: the worker is busy in its loop and reads no
// messages). The request's typed arrays are transferred, not copied.
import * as Comlink from 'comlink';
import type { TrainApi } from '../../../workers/train.worker';
import type { FeatureMatrix } from './feature-matrix';
import type { Trainer } from './trainer';
import { TrainerStoppedError } from './trainer-stopped-error';
import { TrainingCancelledError } from './training-cancelled-error';
import type { ProgressCallback } from './training-progress';

export function startTrainWorker(): Worker {
	return new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * A Trainer running each training in a new worker. The request's feature columns and labels are
 * transferred to it: after the call they are detached (length 0) in the caller; copy them first
 * to keep them. An aborted signal terminates the worker and rejects with TrainingCancelledError;
 * a worker that dies rejects with TrainerStoppedError.
 */
export function createWorkerTrainer(startWorker: () => Worker = startTrainWorker): Trainer {
	return {
		train: (request, onProgress, signal) =>
			inWorker(startWorker, signal, (api) => api.train(Comlink.transfer(request, buffersOf([request.train, request.test], [request.trainLabels, request.testLabels])), progressProxy(onProgress))),
		trainRandomSplit: (request, onProgress, signal) =>
			inWorker(startWorker, signal, (api) => api.trainRandomSplit(Comlink.transfer(request, buffersOf([request.matrix], [request.labels])), progressProxy(onProgress)))
	};
}

function progressProxy(onProgress: ProgressCallback | undefined): ProgressCallback | undefined {
	return onProgress === undefined ? undefined : Comlink.proxy(onProgress);
}

function buffersOf(matrices: FeatureMatrix[], labels: Uint8Array[]): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	for (const array of [...matrices.flatMap((m) => m.columns), ...labels]) {
		if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
	}
	return [...buffers];
}

function inWorker<T>(startWorker: () => Worker, signal: AbortSignal | undefined, call: (api: Comlink.Remote<TrainApi>) => Promise<T>): Promise<T> {
	if (signal?.aborted) return Promise.reject(new TrainingCancelledError());
	return new Promise<T>((resolve, reject) => {
		let worker: Worker;
		try {
			worker = startWorker();
		} catch (error) {
			reject(new TrainerStoppedError(error instanceof Error ? error.message : String(error)));
			return;
		}
		let settled = false;
		const finish = (settle: () => void) => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', onAbort);
			worker.terminate();
			settle();
		};
		const onAbort = () => finish(() => reject(new TrainingCancelledError()));
		signal?.addEventListener('abort', onAbort);
		worker.addEventListener('error', (event: ErrorEvent) => {
			event.preventDefault();
			finish(() => reject(new TrainerStoppedError(event.message ?? '')));
		});
		worker.addEventListener('messageerror', () => finish(() => reject(new TrainerStoppedError('a message could not be read'))));
		call(Comlink.wrap<TrainApi>(worker)).then(
			(result) => finish(() => resolve(result)),
			(error: unknown) => finish(() => reject(error))
		);
	});
}
