import { engineCrashedMessage } from './engine-messages';

/** The engine's worker died (out of memory, a wasm trap…); every call in flight fails with it
 *  (as the cause of its QueryError). */
export class EngineCrashedError extends Error {
	/** The worker's own error message; may be empty. */
	readonly detail: string;
	constructor(detail: string) {
		super(engineCrashedMessage(detail));
		this.name = 'EngineCrashedError';
		this.detail = detail;
	}
}
