// "Generate a demo data set of N million events": the seeded generator's SQL runs statement by
// statement on DuckDB-WASM into a raw events table, which the ingest then turns into a dataset.
import type { SqlClient } from '../data/sql-client';
import { generatorPlan, scaleForRows, createEventsTableSql, DEFAULT_SEED } from '../generator';

/** The raw generated events, until the ingest has appended them to the store. */
export const GENERATED_TABLE = 'main._generated';
const STAGING = GENERATED_TABLE;

export interface GenerateProgress {
	step: string;
	done: number;
	total: number;
}

export interface GeneratedDataset {
	rows: number;
	scale: number;
	seed: number;
}

export async function generateDemoEvents(
	client: SqlClient,
	millions: number,
	options: { seed?: number; signal?: AbortSignal; onProgress?: (p: GenerateProgress) => void } = {}
): Promise<GeneratedDataset> {
	if (!(millions >= 0.01 && millions <= 200)) {
		throw new Error(`invalid number of events: ${millions} million (choose between 0.01 and 200)`);
	}
	const seed = options.seed ?? DEFAULT_SEED;
	const scale = scaleForRows(millions * 1e6);
	const plan = generatorPlan({ scale, seed });
	const steps = [
		{ name: 'preparing', sql: `DROP TABLE IF EXISTS ${STAGING}` },
		...plan.setup,
		{ name: 'creating the events table', sql: createEventsTableSql(STAGING) },
		...plan.days.map((d) => ({ name: `events of ${d.from} … ${d.to}`, sql: `INSERT INTO ${STAGING} ${d.select}` }))
	];
	const total = steps.length + plan.cleanup.length + 1;
	try {
		for (const [i, step] of steps.entries()) {
			options.onProgress?.({ step: step.name, done: i, total });
			await client.exec(step.sql, { signal: options.signal });
		}
	} catch (error) {
		await client.exec(`DROP TABLE IF EXISTS ${STAGING}`).catch(() => {});
		throw error;
	} finally {
		// The generator's working tables are TEMP; drop them now rather than at tab close.
		for (const step of plan.cleanup) await client.exec(step.sql).catch(() => {});
	}
	const count = await client.query(`SELECT count(*) FROM ${STAGING}`);
	options.onProgress?.({ step: 'done', done: total, total });
	return { rows: Number(count.rows[0][0]), scale, seed };
}
