import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellData, CellId } from '../../../src/lib/notebook';
import { bindVariables } from '../../../src/lib/runtime/bind-variables';
import { RESULTS_CACHE_SETUP } from '../../../src/lib/runtime/results-cache';
import { kindRunner } from '../support/kind-runner';
import { WasmTestClient } from '../support/wasm-client';

describe('bindVariables', () => {
	it('turns $name into a getvariable call, leaving strings, comments and quoted names alone', () => {
		const sql = `SELECT '$a', "$a", x * $Top_N -- $a\nFROM t WHERE y > $min_lift /* $a */`;
		expect(bindVariables(sql, new Set(['top_n', 'min_lift']))).toBe(
			`SELECT '$a', "$a", x * getvariable('top_n') -- $a\nFROM t WHERE y > getvariable('min_lift') /* $a */`
		);
	});

	it('names a variable no input cell defines', () => {
		expect(() => bindVariables('SELECT $nope', new Set())).toThrow(/\$nope is not defined: add an input cell named nope/);
	});
});

describe('input cells and $name in the runner', () => {
	let db: WasmTestClient;
	beforeAll(async () => {
		db = await WasmTestClient.open(RESULTS_CACHE_SETUP);
	});
	afterAll(() => db.close());

	const cell = (kind: CellData['kind'], name: string | null, source: string): CellData => ({ id: `c-${name}` as CellId, kind, name, source, attrs: {} });
	const ctx = { signal: new AbortController().signal, force: true, version: 1 };

	it('binds the value through a prepared statement and a named cell reads it', async () => {
		const run = kindRunner({ client: db, fingerprint: () => 'fp', variables: () => new Set(['top_n', 'who']) });
		await run(cell('input', 'top_n', '{"type": "number", "value": 3}'), ctx);
		await run(cell('input', 'who', `{"type": "select", "value": "o'brien", "options": ["o'brien", "x"]}`), ctx);
		const out = await run(cell('sql', 'firsts', `SELECT range AS n, $who AS who FROM range(10) WHERE range < $top_n`), ctx);
		expect(out).toMatchObject({ kind: 'table', rowCount: 3 });
		expect(db.statements.filter((s) => s.startsWith('SET VARIABLE'))).toEqual(['SET VARIABLE "top_n" = ?', 'SET VARIABLE "who" = ?']);
		expect(db.statements.join('\n')).not.toContain("o'brien");
		const who = await db.query(`SELECT DISTINCT who FROM nb.firsts`);
		expect(who.rows).toEqual([["o'brien"]]);
	});

	it('rejects an input value outside its range and an input without a name', async () => {
		const run = kindRunner({ client: db, fingerprint: () => 'fp' });
		await expect(run(cell('input', 'n', '{"type": "number", "value": 30, "max": 10}'), ctx)).rejects.toThrow(/greater than max 10/);
		await expect(run(cell('input', null, '{"type": "number", "value": 1}'), ctx)).rejects.toThrow(/needs a name/);
	});
});
