/** The trainer's worker died (a crash, out of memory, a script that failed to load). */
export class TrainerStoppedError extends Error {
	/** What the worker reported; may be empty. */
	readonly detail: string;
	constructor(detail: string) {
		super(`The model trainer stopped: ${detail || 'its worker crashed (often from running out of memory)'}. The notebook is unaffected; run the cell again.`);
		this.name = 'TrainerStoppedError';
		this.detail = detail;
	}
}
