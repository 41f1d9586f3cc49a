/** A notebook file that cannot be read; `message` is "line N: problem; fix". */
export class NotebookFormatError extends Error {
	readonly line: number;

	constructor(line: number, problem: string) {
		super(`line ${line}: ${problem}`);
		this.name = 'NotebookFormatError';
		this.line = line;
	}

	override toString(): string {
		return this.message;
	}
}
