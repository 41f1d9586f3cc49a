// "Generate a demo data set of N million events" straight into the workspace database: the
// seeded generator's SQL runs statement by statement on DuckDB-WASM, building a staging table
// that replaces `events` only once it is complete (a cancelled run leaves `events` as it was).
import type { SqlClient } from '../data/sql-client';
import { generatorPlan, scaleForRows, createEventsTableSql, DEFAULT_SEED } from '../generator';

const STAGING = 'main._generating';

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
		options.onProgress?.({ step: 'replacing events', done: steps.length, total });
		await client.exec(`DROP TABLE IF EXISTS main.events; ALTER TABLE ${STAGING} RENAME TO events`, { signal: options.signal });
	} finally {
		// The generator's working tables are TEMP; drop them now rather than at tab close.
		for (const step of plan.cleanup) await client.exec(step.sql).catch(() => {});
		await client.exec(`DROP TABLE IF EXISTS ${STAGING}`).catch(() => {});
	}
	const count = await client.query(`SELECT count(*) FROM main.events`);
	options.onProgress?.({ step: 'done', done: total, total });
	return { rows: Number(count.rows[0][0]), scale, seed };
}
