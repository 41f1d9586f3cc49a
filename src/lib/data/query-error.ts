import { explainEngineError } from './engine-messages';
import { errorMessage } from './error-message';

/** A query DuckDB rejected; carries the SQL that failed so the UI can show both. Running out of
 *  memory or storage is explained (engine-messages): DuckDB's own advice is for a native engine. */
export class QueryError extends Error {
	readonly sql: string;
	constructor(message: string, sql: string, options?: { cause?: unknown }) {
		super(explainEngineError(cleanDuckDBMessage(message)), options);
		this.name = 'QueryError';
		this.sql = sql;
	}
}

/** The user (or a superseding run) cancelled the query. */
export class CancelledError extends Error {
	constructor(message = 'cancelled') {
		super(message);
		this.name = 'CancelledError';
	}
}

export function isCancelled(error: unknown): boolean {
	return error instanceof CancelledError || (error instanceof Error && error.name === 'CancelledError');
}

/** `error` as a caller of the engine sees it: a cancellation or a QueryError stays as it is;
 *  anything else becomes a QueryError about `sql` (the SQL, or what the call did). */
export function asQueryError(error: unknown, sql: string): Error {
	if (error instanceof QueryError || (error instanceof Error && isCancelled(error))) return error;
	return new QueryError(errorMessage(error), sql, { cause: error });
}

// DuckDB-WASM prefixes messages with the C++ exception type in a JSON blob on some paths
// ({"exception_type":"Catalog","exception_message":"…"}); users need only the message.
function cleanDuckDBMessage(message: string): string {
	const trimmed = message.trim();
	if (trimmed.startsWith('{')) {
		try {
			const parsed = JSON.parse(trimmed) as { exception_type?: string; exception_message?: string };
			if (parsed.exception_message) {
				return parsed.exception_type
					? `${parsed.exception_type} Error: ${parsed.exception_message}`
					: parsed.exception_message;
			}
		} catch {
			// not JSON after all: keep the original text
		}
	}
	return trimmed;
}
