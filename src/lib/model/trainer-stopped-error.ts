/** The trainer's worker died (a crash, out of memory, a script that failed to load). */
export class TrainerStoppedError extends Error {
	/** What the worker reported; may be empty. */
	readonly detail: string;
	constructor(detail: string) {
		super(`The model trainer stopped: ${detail || 'its worker failed without saying why (running out of memory is the usual cause)'}. The notebook is unaffected; run the cell again.`);
		this.name = 'TrainerStoppedError';
		this.detail = detail;
	}
}
