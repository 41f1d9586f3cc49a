import type { StopCheck } from './training-progress';

/** The training was cancelled. Its name is AbortError, as for an aborted fetch. */
export class TrainingCancelledError extends Error {
	constructor(message = 'The model training was cancelled.') {
		super(message);
		this.name = 'AbortError';
	}
}

export function isTrainingCancelled(error: unknown): boolean {
	return error instanceof Error && error.name === 'AbortError';
}

/** Throws TrainingCancelledError when `shouldStop` says so. */
export async function stopPoint(shouldStop: StopCheck | undefined): Promise<void> {
	if (shouldStop !== undefined && (await shouldStop())) throw new TrainingCancelledError();
}
