/** A file the user chose cannot be used; the message names the problem and what to do. */
export class DataFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DataFileError';
	}
}
