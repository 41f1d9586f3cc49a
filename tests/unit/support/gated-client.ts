// The real engine behind a gate: statements matching a pattern wait until the test opens the
// gate, so a test can act while a query is in flight (edit, cancel, run another cell). The SQL
// still runs on DuckDB-WASM once the gate opens; nothing is answered by the test.
import type { QueryOptions, SqlClient } from '../../../src/lib/data/sql-client';
import { CancelledError } from '../../../src/lib/data/query-error';
import type { QueryResult } from '../../../src/lib/data/value';
import type { WasmTestClient } from './wasm-client';

interface Gate {
	pattern: RegExp;
	/** Stop waiting when the query's signal aborts, as DuckDB does between slices. */
	abortable: boolean;
	/** Resolves when a matching statement reaches the gate. */
	reached: Promise<string>;
	open(): void;
}

export class GatedClient implements SqlClient {
	#gates: (Gate & { arrive(sql: string): void; opened: Promise<void> })[] = [];

	constructor(readonly inner: WasmTestClient) {}

	get statements(): string[] {
		return this.inner.statements;
	}

	/** The next statement matching `pattern` waits until `open()`. */
	gate(pattern: RegExp, options: { abortable?: boolean } = {}): Gate {
		let arrive!: (sql: string) => void;
		let open!: () => void;
		const reached = new Promise<string>((resolve) => (arrive = resolve));
		const opened = new Promise<void>((resolve) => (open = resolve));
		const gate = { pattern, abortable: options.abortable ?? false, reached, open, arrive, opened };
		this.#gates.push(gate);
		return gate;
	}

	async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
		const i = this.#gates.findIndex((g) => g.pattern.test(sql));
		if (i >= 0) {
			const [gate] = this.#gates.splice(i, 1);
			gate.arrive(sql);
			const signal = options.signal;
			const aborted = new Promise<never>((_, reject) => {
				if (gate.abortable) signal?.addEventListener('abort', () => reject(new CancelledError()), { once: true });
			});
			await Promise.race([gate.opened, aborted]);
		}
		return this.inner.query(sql, { ...options, signal: undefined });
	}

	async exec(sql: string, options: { signal?: AbortSignal } = {}): Promise<void> {
		await this.query(sql, options);
	}

	setVariable(name: string, value: number | string): Promise<void> {
		return this.inner.setVariable(name, value);
	}
}
