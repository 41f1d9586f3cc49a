// A cell past the engine's memory limit, on the real DuckDB-WASM engine (Node) with a small
// limit so that it is reached at once: the cell says which limit and what to change, the
// engine stays usable, and the other cells keep their outputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookRuntime, readNotebook, RESULTS_CACHE_SETUP } from '../../../src/lib/runtime';
import { WasmTestClient } from '../support/wasm-client';

const NOTEBOOK = `---
notebook: customer-intelligence-notebook
version: 1
---

\`\`\`sql name=small
SELECT i FROM range(5) r(i)
\`\`\`

\`\`\`sql name=huge
SELECT a.i, b.i AS j FROM range(4000) a(i), range(4000) b(i) ORDER BY a.i * 7919 % 1000003, j
\`\`\`

\`\`\`sql name=after
SELECT count(*) AS n FROM small
\`\`\`
`;

let engine: WasmTestClient;

beforeAll(async () => {
	engine = await WasmTestClient.open([`SET memory_limit = '64MB'`, ...RESULTS_CACHE_SETUP]);
});
afterAll(() => engine.close());

describe('a query past the memory limit', () => {
	it('fails its cell with the limit and what to do; the engine and the other cells carry on', async () => {
		const runtime = new NotebookRuntime(readNotebook(NOTEBOOK), { checkpointDelayMs: 60_000 });
		await runtime.attach(engine, { datasetId: null, epoch: 'e1' });
		const state = (name: string) => runtime.state(runtime.byName(name)!.id);

		expect(state('huge').status).toBe('error');
		const message = state('huge').error!.message;
		// DuckDB's own first line, with the limit it hit named and the fix for a browser engine.
		expect(message).toMatch(/^Out of Memory Error: .*\(.* used\)\. This query needs more memory than the engine’s limit of 61\.0 MiB \(memory_limit\)\./);
		expect(message).toContain('aggregate or filter before a join or a sort, add a LIMIT');
		// Advice that does not hold in the browser (spill to a temp directory, more threads) is gone.
		expect(message).not.toMatch(/temp_directory|threads|SET memory_limit/);

		expect(state('small')).toMatchObject({ status: 'done', output: { rowCount: 5 } });
		expect(state('after')).toMatchObject({ status: 'done', output: { preview: [[5]] } });
		// The engine answers the next query, and the failed cell runs once it needs less.
		runtime.edit(runtime.byName('huge')!.id, 'SELECT count(*) AS n FROM range(4000) a(i), range(4000) b(i)');
		await runtime.run(runtime.byName('huge')!.id);
		expect(state('huge')).toMatchObject({ status: 'done', output: { preview: [[16_000_000]] } });
	});
});
