// Export as DuckDB SQL: the notebook's SQL cells as one script, inputs first, cells in the order
// the graph runs them, what only the app computes commented out with the reason. The last test
// runs the default notebook's script on native DuckDB over a store built from generated events,
// on a fresh connection to the database file, as `duckdb my.duckdb < notebook.sql` would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NativeSqlClient } from '../../../scripts/bench/native-sql-client';
import { STARTER_NOTEBOOK } from '../../../src/lib/app/starter-notebook';
import { checkpointAll, companionPath } from '../../../src/lib/data/companion-databases';
import { ingestLogSql, writeStoreReport } from '../../../src/lib/ingest/dataset-meta';
import { GENERATED_TABLE, generateDemoEvents } from '../../../src/lib/ingest/generate-demo';
import { ingestEvents } from '../../../src/lib/ingest/ingest-events';
import { readEventPartitions } from '../../../src/lib/store/event-partitions';
import { readNotebook } from '../../../src/lib/runtime';
import { exportSql } from '../../../src/lib/runtime/export-sql';

const NOTEBOOK = `---
notebook: customer-intelligence-notebook
version: 1
title: Export check
---

# Shop

\`\`\`sql name=top_buyers
SELECT user_id, spend FROM buyers WHERE spend > $min_spend ORDER BY spend DESC LIMIT $top_n
\`\`\`

\`\`\`input name=top_n
{ "type": "number", "value": 3, "min": 1, "max": 10 }
\`\`\`

\`\`\`input name=segment
{ "type": "select", "value": "Can't lose them", "options": ["Can't lose them", "Champions"] }
\`\`\`

\`\`\`input name=min_spend
{ "type": "range", "value": 2.5, "min": 0, "max": 10 }
\`\`\`

\`\`\`sql name=buyers
SELECT user_id, sum(price) AS spend -- every purchase
FROM events WHERE event_type = 'purchase' GROUP BY user_id
\`\`\`

\`\`\`chart name=buyers_chart
{ "data": "buyers", "marks": [{ "type": "dot", "x": "user_id", "y": "spend" }] }
\`\`\`

\`\`\`model name=churn
{ "train": "buyers", "test": "buyers", "id": "user_id", "label": "spend" }
\`\`\`

\`\`\`sql name=scored
SELECT * FROM churn_scores
\`\`\`

\`\`\`sql name=after_scored
SELECT count(*) FROM scored
\`\`\`

\`\`\`sql name=two_statements
SELECT 1; SELECT 2
\`\`\`

\`\`\`sql name=unknown_variable
SELECT $nope AS x
\`\`\`

\`\`\`sql
SET threads = 1;
SELECT count(*) FROM top_buyers
\`\`\`

\`\`\`sql name=big_buyers view
SELECT * FROM buyers WHERE spend > 100
\`\`\`
`;

describe('exportSql', () => {
	const exported = exportSql(readNotebook(NOTEBOOK));
	const text = exported.text;

	it('sets every input variable first, at its current value, numbers as DOUBLE as the app binds them', () => {
		const sets = text.split('\n').filter((l) => l.startsWith('SET VARIABLE'));
		expect(sets).toEqual([
			`SET VARIABLE "top_n" = CAST(3 AS DOUBLE);`,
			`SET VARIABLE "segment" = 'Can''t lose them';`,
			`SET VARIABLE "min_spend" = CAST(2.5 AS DOUBLE);`
		]);
		expect(text.indexOf('SET VARIABLE')).toBeLessThan(text.indexOf('CREATE OR REPLACE TABLE'));
	});

	it('writes each named SQL cell as a table of schema nb, in dependency order, with $names bound', () => {
		expect(exported.tables).toEqual(['buyers', 'top_buyers', 'big_buyers']);
		expect(text).toContain(`SET search_path = 'nb,main';`);
		expect(text).toContain(`-- buyers (cell 6)\nCREATE OR REPLACE TABLE "nb"."buyers" AS (\nSELECT user_id, sum(price) AS spend -- every purchase\nFROM events WHERE event_type = 'purchase' GROUP BY user_id\n);`);
		expect(text).toContain(`WHERE spend > getvariable('min_spend') ORDER BY spend DESC LIMIT getvariable('top_n')\n);`);
		expect(text.indexOf('"nb"."buyers" AS')).toBeLessThan(text.indexOf('"nb"."top_buyers" AS'));
	});

	it('writes a cell the notebook keeps as a view as a view, as the app defines it', () => {
		expect(text).toContain(`-- big_buyers (cell 14)\nCREATE OR REPLACE VIEW "nb"."big_buyers" AS (\nSELECT * FROM buyers WHERE spend > 100\n);`);
	});

	it('keeps an unnamed cell as its statements, after the cells it reads', () => {
		expect(text).toContain(`-- cell 13 (unnamed)\nSET threads = 1;\nSELECT count(*) FROM top_buyers;`);
	});

	it('lists what the app computes, and comments out the cells that need it, or a cell that cannot run, with the reason', () => {
		expect(text).toContain('-- Computed by the app, not SQL: churn (model).');
		expect(text).toContain('-- Not exported: 1 markdown cell, 1 chart cell');
		expect(exported.commented).toEqual([
			{ name: 'scored', reason: 'it reads churn_scores, which the model cell `churn` computes in the app' },
			{ name: 'after_scored', reason: 'it reads scored, which is commented out above' },
			{ name: 'two_statements', reason: 'a named cell must be one query (SELECT, WITH, FROM, VALUES…)' },
			{ name: 'unknown_variable', reason: '$nope is not defined: add an input cell named nope, or fix the name' }
		]);
		expect(text).toContain(
			'-- scored (cell 9): not run, it reads churn_scores, which the model cell `churn` computes in the app\n-- CREATE OR REPLACE TABLE "nb"."scored" AS (\n-- SELECT * FROM churn_scores\n-- );'
		);
		// Nothing of a commented cell runs: every line of it is a comment.
		const scored = text.slice(text.indexOf('-- scored (cell 9)'), text.indexOf('-- after_scored'));
		expect(scored.trim().split('\n').every((l) => l.startsWith('--'))).toBe(true);
	});

	it('says how to attach the event partitions, or attaches the ones it is given', () => {
		expect(text).toContain('`events` is a view over partition files beside the database');
		const attached = exportSql(readNotebook(NOTEBOOK), { attach: [{ name: 'cin_events_1', path: "it's.cin_events_1.duckdb" }] }).text;
		expect(attached).toContain(`ATTACH IF NOT EXISTS 'it''s.cin_events_1.duckdb' AS "cin_events_1" (READ_ONLY);`);
	});
});

describe('the default notebook exported as DuckDB SQL', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'cin-export-sql-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('runs unchanged on native DuckDB over a store built from generated events, and every exported table has rows', async () => {
		const file = path.join(dir, 'store.duckdb');
		const build = await NativeSqlClient.open(file, { threads: 2 });
		let partitions: string[];
		try {
			const generated = await generateDemoEvents(build.client, 0.1);
			const report = await ingestEvents(
				build.client,
				[{ name: 'generated.csv', bytes: 0, rowsHint: generated.rows, open: async () => ({ relation: GENERATED_TABLE, rejects: false, close: async () => {} }) }],
				{ afterStep: () => checkpointAll(build.client) }
			);
			for (const sql of ingestLogSql(report)) await build.client.exec(sql);
			await writeStoreReport(build.client);
			await build.client.exec(`DROP TABLE ${GENERATED_TABLE}`);
			partitions = await readEventPartitions(build.client);
		} finally {
			build.close();
		}

		const exported = exportSql(readNotebook(STARTER_NOTEBOOK), { attach: partitions.map((name) => ({ name, path: companionPath(file, name) })) });
		expect(exported.tables.length).toBeGreaterThan(40);
		// A fresh connection to the file, knowing nothing but the script: as the DuckDB CLI runs it.
		const cli = await NativeSqlClient.open(file, { threads: 2 });
		try {
			const statements = await cli.client.conn.extractStatements(exported.text);
			for (let i = 0; i < statements.count; i++) {
				const statement = await statements.prepare(i);
				await statement.run().catch((error: Error) => {
					throw new Error(`statement ${i + 1} of the script failed: ${error.message}`);
				});
			}
			const { rows } = await cli.client.query(
				`SELECT table_name, 'table' FROM duckdb_tables() WHERE schema_name = 'nb' UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = 'nb'`
			);
			const created = new Map(rows.map((r) => [String(r[0]), String(r[1])]));
			// The model's feature cells and the RFM segment labels are views in the app, and so in the script.
			const storage = ['features_train', 'features_test', 'rfm_buyers', 'rfm_scores'].map((name) => created.get(name));
			expect(storage).toEqual(['view', 'view', 'view', 'table']);
			const counts: Record<string, number> = {};
			for (const table of exported.tables) {
				expect(created.has(table), `nb.${table} exists`).toBe(true);
				counts[table] = Number((await cli.client.query(`SELECT count(*) FROM nb."${table}"`)).rows[0][0]);
			}
			expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
		} finally {
			cli.close();
		}
	}, 300_000);
});
