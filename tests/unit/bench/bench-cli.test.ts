import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../scripts/bench/bench-args';
import { benchDataDir, reusableManifest } from '../../../scripts/bench/bench-data';
import { isReported, stepsToRun } from '../../../scripts/bench/bench-step';
import { BENCH_STEPS } from '../../../scripts/bench/bench-steps';

describe('npm run bench options', () => {
	it('parses options, with defaults, and rejects bad ones', () => {
		expect(parseBenchArgs(['--', '--scale', '0.01'])).toMatchObject({ scale: 0.01, seed: 42, only: null, out: 'bench/report.json', repeat: 3, browser: true, native: true, wasmNode: false });
		expect(parseBenchArgs(['--scale', '0.01', '--wasm-node'])).toMatchObject({ wasmNode: true, native: true, jsFlags: null });
		expect(parseBenchArgs(['--scale', '0.01', '--js-flags', '--no-wasm-dynamic-tiering']).jsFlags).toBe('--no-wasm-dynamic-tiering');
		expect(parseBenchArgs(['--scale', '1', '--only', 'facts', '--repeat', '5', '--out', 'x.json', '--no-browser'])).toMatchObject({ only: 'facts', repeat: 5, out: 'x.json', browser: false });
		expect(parseBenchArgs(['--data', 'a.csv', 'b.csv', '--repeat', '1']).data).toEqual(['a.csv', 'b.csv']);
		expect(() => parseBenchArgs([])).toThrow('--scale or --data is required');
		expect(() => parseBenchArgs(['--scale', '0.01', '--only', 'model'])).toThrow('invalid --only: model');
		expect(() => parseBenchArgs(['--scale', '0.01', '--repeat', '0'])).toThrow('invalid --repeat: 0');
		expect(() => parseBenchArgs(['--scale', '0.01', '--bogus'])).toThrow('unknown option: --bogus');
	});

	it('runs what a selected step builds on, and reports only the selected step', () => {
		const names = (only: 'ingest' | 'facts' | 'queries' | null) => stepsToRun(BENCH_STEPS, only).map((s) => s.name);
		expect(names(null)).toEqual(['ingest', 'facts', 'round trip', 'queries', 'inputs', 'model', 'reopen']);
		expect(names('ingest')).toEqual(['ingest']);
		expect(names('facts')).toEqual(['ingest', 'facts']);
		expect(names('queries')).toEqual(['ingest', 'facts', 'round trip', 'queries', 'inputs', 'model', 'reopen']);
		expect(BENCH_STEPS.filter((s) => isReported(s, 'queries')).map((s) => s.name)).toEqual(['round trip', 'queries', 'inputs', 'model', 'reopen']);
	});
});

describe('the benchmark data cache', () => {
	const root = mkdtempSync(path.join(tmpdir(), 'cin-bench-data-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('names a folder per scale (and seed, when not the default)', () => {
		expect(benchDataDir('/d', 0.01, 42)).toBe('/d/scale-0.01');
		expect(benchDataDir('/d', 1, 7)).toBe('/d/scale-1-seed-7');
	});

	it('reuses generated files only while the manifest matches them', () => {
		const dir = benchDataDir(root, 0.001, 42);
		mkdirSync(dir, { recursive: true });
		expect(reusableManifest(dir, 0.001, 42)).toBeNull();
		writeFileSync(path.join(dir, '2019-Oct.csv'), 'abc');
		const manifest = { scale: 0.001, seed: 42, rows: 1, files: [{ name: '2019-Oct.csv', bytes: 3 }] };
		writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
		expect(reusableManifest(dir, 0.001, 42)).toEqual(manifest);
		expect(reusableManifest(dir, 0.002, 42)).toBeNull();
		writeFileSync(path.join(dir, '2019-Oct.csv'), 'truncat');
		expect(reusableManifest(dir, 0.001, 42)).toBeNull();
	});
});
