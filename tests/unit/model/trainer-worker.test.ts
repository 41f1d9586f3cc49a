import * as Comlink from 'comlink';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TrainerStoppedError } from '../../../src/lib/model/trainer-stopped-error';
import { createWorkerTrainer } from '../../../src/lib/model/trainer-worker';
import { TrainingCancelledError } from '../../../src/lib/model/training-cancelled-error';
import type { TrainingProgress } from '../../../src/lib/model/training-progress';
import type { PropensityRequest } from '../../../src/lib/model/train-propensity';

/** Stands in for a Worker: comlink talks over a MessageChannel to `api` in this thread. */
class FakeWorker extends EventTarget {
	terminated = false;
	#port: MessagePort;
	constructor(api: object) {
		super();
		const { port1, port2 } = new MessageChannel();
		this.#port = port1;
		Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
	}
	postMessage(message: unknown, transfer: Transferable[] = []): void {
		this.#port.postMessage(message, transfer as never);
	}
	override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
		if (type === 'message') this.#port.addEventListener('message', listener as never);
		else super.addEventListener(type, listener);
	}
	override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
		if (type === 'message') this.#port.removeEventListener('message', listener as never);
		else super.removeEventListener(type, listener);
	}
	start(): void {
		this.#port.start();
	}
	terminate(): void {
		this.terminated = true;
		this.#port.close();
	}
	crash(message: string): void {
		this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
	}
}

function request(): PropensityRequest {
	const column = new Float32Array(8);
	return {
		train: { names: ['x'], columns: [column], rows: 8 },
		trainLabels: new Uint8Array(8),
		test: { names: ['x'], columns: [new Float32Array(4)], rows: 4 },
		testLabels: new Uint8Array(4)
	};
}

const never = () => new Promise<never>(() => {});

describe('the worker trainer', () => {
	it('transfers the request, relays progress, and terminates the worker after the result', async () => {
		let received = 0;
		const worker = new FakeWorker({
			async train(req: PropensityRequest, onProgress: (p: TrainingProgress) => void) {
				received = req.train.columns[0].length;
				await onProgress({ phase: 'gbdt', trees: 1, maxTrees: 2, trainLoss: 0.5, validLoss: 0.6 });
				return { gbdt: { scores: new Float32Array(4) } };
			}
		});
		const progress: TrainingProgress[] = [];
		const req = request();
		const result = await createWorkerTrainer(() => worker as unknown as Worker).train(req, (p) => progress.push(p));
		expect(received).toBe(8);
		expect(req.train.columns[0].length).toBe(0); // transferred, not copied
		expect(progress).toEqual([{ phase: 'gbdt', trees: 1, maxTrees: 2, trainLoss: 0.5, validLoss: 0.6 }]);
		expect((result as unknown as { gbdt: { scores: Float32Array } }).gbdt.scores).toHaveLength(4);
		expect(worker.terminated).toBe(true);
	});

	it('terminates the worker and rejects with the cancellation error when the signal aborts', async () => {
		const worker = new FakeWorker({ train: never });
		const controller = new AbortController();
		const promise = createWorkerTrainer(() => worker as unknown as Worker).train(request(), undefined, controller.signal);
		controller.abort();
		await expect(promise).rejects.toBeInstanceOf(TrainingCancelledError);
		expect(worker.terminated).toBe(true);
	});

	it('rejects with a clear error when the worker dies', async () => {
		const worker = new FakeWorker({ train: never });
		const promise = createWorkerTrainer(() => worker as unknown as Worker).train(request());
		worker.crash('Uncaught RangeError: Array buffer allocation failed');
		const error = await promise.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TrainerStoppedError);
		expect((error as Error).message).toBe(
			'The model trainer stopped: Uncaught RangeError: Array buffer allocation failed. The notebook is unaffected; run the cell again.'
		);
		expect(worker.terminated).toBe(true);
	});

	it('passes a training error through as it is', async () => {
		const worker = new FakeWorker({
			train: async () => {
				throw new Error('The rows trained on all have label 0: a model needs both buyers and non-buyers.');
			}
		});
		await expect(createWorkerTrainer(() => worker as unknown as Worker).train(request())).rejects.toThrow(/both buyers and non-buyers/);
	});
});
