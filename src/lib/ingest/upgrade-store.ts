import type { SqlClient } from '../data/sql-client';
import { quoteString } from '../data/sql';
import { missingFactSteps } from '../store/missing-fact-steps';
import { DEFAULT_SCHEMA, storeTable } from '../store/store-tables';

/**
 * Adds the fact tables a finished store built by an older version lacks (missing-fact-steps.ts).
 * An unfinished store is left alone: its next build makes every table. Returns the step names run.
 */
export async function upgradeStore(client: SqlClient, schema = DEFAULT_SCHEMA): Promise<string[]> {
	const r = await client.query(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ${quoteString(schema)}`);
	const tables = r.rows.map((row) => String(row[0]));
	if (!tables.includes('store_build')) return [];
	const built = await client.query(`SELECT partitions FROM ${storeTable(schema, 'store_build')}`);
	const steps = missingFactSteps(tables, schema, Number(built.rows[0]?.[0] ?? 1));
	for (const step of steps) await client.exec(step.sql);
	if (steps.length > 0) await client.exec('CHECKPOINT');
	return steps.map((s) => s.name);
}
