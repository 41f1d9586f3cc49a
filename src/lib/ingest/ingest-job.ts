// One ingest's bookkeeping: runs store steps one by one with cancellation, a CHECKPOINT hook
// and the database size guard, logs what each step took, and turns work done into progress.
import type { SqlClient } from '../data/sql-client';
import type { StoreStep } from '../store';
import { DatabaseSizeError, databaseFiles } from '../store/database-size-limit';

export type IngestPhase = 'append' | 'build';

export interface IngestProgress {
	phase: IngestPhase;
	step: string;
	file?: string;
	/** Share of the whole ingest done, in [0, 1]. */
	fraction: number;
	elapsedMs: number;
	/** Estimated time left; null until a first step has finished. */
	remainingMs: number | null;
}

export interface StepTiming {
	phase: IngestPhase;
	file: string | null;
	step: string;
	ms: number;
}

export interface IngestJobOptions {
	signal?: AbortSignal;
	onProgress?: (p: IngestProgress) => void;
	/** Called after each step: DuckDB-WASM needs CHECKPOINTs to make writes durable in OPFS. */
	afterStep?: () => Promise<void>;
	/** Stop once any database file is larger than this (see store/database-size-limit.ts). */
	maxDatabaseBytes?: number;
}

export class IngestJob {
	readonly signal: AbortSignal;
	readonly steps: StepTiming[] = [];
	readonly started = performance.now();
	#done = 0;

	/** `work`: the total weight of the steps to come (rows, roughly), for the progress fraction. */
	constructor(
		readonly client: SqlClient,
		readonly options: IngestJobOptions,
		readonly work: number
	) {
		this.signal = options.signal ?? new AbortController().signal;
	}

	progress(phase: IngestPhase, step: string, file?: string): void {
		const elapsedMs = performance.now() - this.started;
		const fraction = Math.min(1, this.#done / (this.work || 1));
		this.options.onProgress?.({ phase, step, file, fraction, elapsedMs, remainingMs: fraction > 0.02 ? (elapsedMs * (1 - fraction)) / fraction : null });
	}

	/** Logs a step that ran outside run() (opening a source). */
	log(phase: IngestPhase, file: string | null, step: string, t0: number): void {
		this.steps.push({ phase, file, step, ms: Math.round(performance.now() - t0) });
	}

	async scalar(sql: string): Promise<number> {
		return Number((await this.client.query(sql, { signal: this.signal })).rows[0][0]);
	}

	/** Runs one step, then the CHECKPOINT hook and the size guard; `weight` counts toward progress. */
	async run(phase: IngestPhase, file: string | null, step: StoreStep, weight: number): Promise<void> {
		this.progress(phase, step.name, file ?? undefined);
		const t0 = performance.now();
		try {
			await this.client.exec(step.sql, { signal: this.signal });
			await this.options.afterStep?.();
			await this.#checkSize();
		} catch (error) {
			if (this.signal.aborted || !(error instanceof Error) || error instanceof DatabaseSizeError) throw error;
			// Past the limit, DuckDB's own error (a checksum, say) is a symptom: name the cause.
			await this.#checkSize();
			// Say where: "out of memory" alone does not tell which pass to make smaller.
			error.message = `${file ? `${file}, ` : ''}step "${step.name}": ${error.message}`;
			throw error;
		}
		this.log(phase, file, step.name, t0);
		this.#done += weight;
	}

	async #checkSize(): Promise<void> {
		const limit = this.options.maxDatabaseBytes;
		if (limit === undefined) return;
		const [largest] = await databaseFiles(this.client).catch(() => []);
		if (largest && largest.bytes > limit) {
			const rows = await this.client
				.query(`SELECT count(*) FROM main.events`)
				.then((r) => Number(r.rows[0][0]))
				.catch(() => null);
			throw new DatabaseSizeError(largest, limit, rows);
		}
	}
}
