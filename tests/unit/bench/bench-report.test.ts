import { describe, expect, it } from 'vitest';
import { mergeSteps, ratio, type BenchReport } from '../../../scripts/bench/bench-report';
import type { EngineRun } from '../../../scripts/bench/engine-run';
import { formatMarkdown, formatTable } from '../../../scripts/bench/format-report';
import { median } from '../../../scripts/bench/median';
import { RssSampler } from '../../../scripts/bench/rss-sampler';
import { stepKind, storeLabel, storeMeasurements } from '../../../scripts/bench/store-measurements';
import type { StepTiming } from '../../../src/lib/ingest/ingest-events';

const engine = (engine: EngineRun['engine'], threads: number, measurements: EngineRun['measurements']): EngineRun => ({
	engine,
	threads,
	version: engine === 'browser' ? 'DuckDB-WASM v1.4.3 in HeadlessChrome/156.0' : engine === 'wasm-node' ? 'DuckDB-WASM v1.4.3' : 'DuckDB v1.5.6',
	measurements,
	rows: 1000,
	peakRssMiB: 500,
	peakTotalRssMiB: engine === 'browser' ? 900 : null,
	wallMs: 12_345
});

describe('median', () => {
	it('takes the middle value, or the mean of the two middle ones, skipping missing values', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([null, 5, Number.NaN, undefined])).toBe(5);
		expect(median([])).toBeNull();
	});
});

describe('mergeSteps', () => {
	it('puts both engines side by side by name, in the browser order, with the ratio to native on 1 thread', () => {
		const rows = mergeSteps({
			browser: engine('browser', 1, [
				{ name: 'ingest', group: 'ingest', ms: 300, peakRssMiB: 700 },
				{ name: 'query: a', group: 'queries', ms: 50, peakRssMiB: 720 },
				{ name: 'reopen', group: 'reopen', ms: 900 }
			]),
			native: engine('native', 1, [
				{ name: 'ingest', group: 'ingest', ms: 100, peakRssMiB: 300 },
				{ name: 'ingest · stage events', group: 'ingest', ms: 40 },
				{ name: 'query: a', group: 'queries', ms: 0, error: 'boom' }
			]),
			nativeAll: engine('native', 2, [{ name: 'ingest', group: 'ingest', ms: 60 }])
		});
		expect(rows.map((r) => r.name)).toEqual(['ingest', 'ingest · stage events', 'query: a', 'reopen']);
		expect(rows[0]).toEqual({
			name: 'ingest', group: 'ingest', browserMs: 300, nativeMs: 100, nativeAllMs: 60, ratio: 3,
			wasmNodeMs: null, engineRatio: null, peakRssMiB: 700, nativePeakRssMiB: 300
		});
		expect(rows[1]).toMatchObject({ browserMs: null, nativeMs: 40, ratio: null });
		expect(rows[2]).toMatchObject({ ratio: null, error: 'native: boom' });
		expect(rows[3]).toMatchObject({ browserMs: 900, nativeMs: null, nativeAllMs: null });
	});

	it('puts DuckDB-WASM in Node beside them, with its own ratio to native on 1 thread', () => {
		const rows = mergeSteps({
			browser: engine('browser', 1, [{ name: 'query: a', group: 'queries', ms: 30 }]),
			native: engine('native', 1, [{ name: 'query: a', group: 'queries', ms: 10 }]),
			wasmNode: engine('wasm-node', 1, [
				{ name: 'query: a', group: 'queries', ms: 18 },
				{ name: 'query: b', group: 'queries', ms: null, error: 'boom' }
			])
		});
		expect(rows[0]).toMatchObject({ browserMs: 30, nativeMs: 10, ratio: 3, wasmNodeMs: 18, engineRatio: 1.8 });
		expect(rows[1]).toMatchObject({ name: 'query: b', wasmNodeMs: null, engineRatio: null, error: 'wasm in Node: boom' });
	});

	it('computes no ratio without both times or for a zero native time', () => {
		expect(ratio(10, 4)).toBe(2.5);
		expect(ratio(10, 0)).toBeNull();
		expect(ratio(null, 4)).toBeNull();
	});
});

describe('storeMeasurements', () => {
	const steps: StepTiming[] = [
		{ phase: 'append', file: 'Oct.csv', step: 'stage events', ms: 10 },
		{ phase: 'append', file: 'Oct.csv', step: 'append events 1/2', ms: 20 },
		{ phase: 'append', file: 'Oct.csv', step: 'append events 2/2', ms: 30 },
		{ phase: 'append', file: 'Nov.csv', step: 'stage events', ms: 5 },
		{ phase: 'build', file: null, step: 'sessions 1/2', ms: 7 },
		{ phase: 'build', file: null, step: 'sessions 2/2', ms: 8 },
		{ phase: 'build', file: null, step: 'daily', ms: 1 }
	];

	it('sums an ingest per phase, per file and per kind of step (passes together)', () => {
		expect(stepKind('purchase_pairs user 2/3')).toBe('purchase_pairs user');
		const ingest = storeMeasurements(steps, 'append', null).map(({ name, ms }) => [name, ms]);
		expect(ingest).toEqual([
			['ingest', 65],
			['ingest: Oct.csv', 60],
			['ingest: Nov.csv', 5],
			['ingest · stage events', 15],
			['ingest · append events', 50]
		]);
		const facts = storeMeasurements(steps, 'build', null).map(({ name, ms }) => [name, ms]);
		expect(facts).toEqual([
			['facts', 16],
			['facts · sessions', 15],
			['facts · daily', 1]
		]);
	});

	it('takes each row’s peak memory from the samples labelled with its steps', () => {
		let rss = 0;
		const sampler = new RssSampler({ read: () => ({ rendererKiB: rss, totalKiB: rss }) });
		const at = (label: string | null, mib: number) => {
			sampler.label = label;
			rss = mib * 1024;
			sampler.sample();
		};
		at(storeLabel(null, 'starting'), 999);
		at(storeLabel('Oct.csv', 'stage events'), 100);
		at(storeLabel('Oct.csv', 'append events 2/2'), 300);
		at(storeLabel('Nov.csv', 'stage events'), 200);
		at(storeLabel(null, 'sessions 1/2'), 400);
		at('cell:x', 800);
		const peaks = Object.fromEntries([...storeMeasurements(steps, 'append', sampler), ...storeMeasurements(steps, 'build', sampler)].map((m) => [m.name, m.peakRssMiB]));
		expect(peaks).toEqual({
			ingest: 300,
			'ingest: Oct.csv': 300,
			'ingest: Nov.csv': 200,
			'ingest · stage events': 200,
			'ingest · append events': 300,
			facts: 400,
			'facts · sessions': 400,
			'facts · daily': null
		});
	});
});

describe('the printed report', () => {
	const report: BenchReport = {
		scale: 0.01,
		seed: 42,
		rows: 1_099_500,
		files: [{ name: '2019-Oct.csv', bytes: 50 * 1048576 }],
		notebook: 'default',
		repeat: 3,
		only: null,
		startedAt: '2025-01-01T00:00:00.000Z',
		finishedAt: '2025-01-01T00:10:00.000Z',
		machine: { cores: 2, cpu: 'Test CPU', memoryMiB: 8192, loadBefore: [1, 2, 3], loadAfter: [2, 2, 3], node: 'v20', platform: 'Linux', git: 'abc123' },
		engines: [
			{ engine: 'browser', threads: 1, version: 'DuckDB-WASM v1.4.3', peakRssMiB: 812, peakTotalRssMiB: 1200, wallMs: 60_000 },
			{ engine: 'native', threads: 1, version: 'DuckDB v1.5.6', peakRssMiB: 300, peakTotalRssMiB: null, wallMs: 20_000 },
			{ engine: 'native', threads: 2, version: 'DuckDB v1.5.6', peakRssMiB: 320, peakTotalRssMiB: null, wallMs: 15_000 }
		],
		steps: [
			{ name: 'ingest', group: 'ingest', browserMs: 12_345, nativeMs: 4_000, nativeAllMs: 2_500, ratio: 3.09, wasmNodeMs: null, engineRatio: null, peakRssMiB: 812, nativePeakRssMiB: 300 },
			{ name: 'query: a|b', group: 'queries', browserMs: 45, nativeMs: 12.5, nativeAllMs: null, ratio: 3.6, wasmNodeMs: null, engineRatio: null, peakRssMiB: null, nativePeakRssMiB: null, error: 'browser: failed' }
		]
	};

	it('prints a table with every engine’s time, the ratio and the peak memory, then the errors', () => {
		expect(formatTable(report)).toBe(
			[
				'step        browser ms  native ms (1 thread)  native ms (2 threads)  browser / native  peak RSS MiB',
				'----------  ----------  --------------------  ---------------------  ----------------  ------------',
				'ingest          12,345                 4,000                  2,500             3.09×           812',
				'',
				'query: a|b        45.0                  12.5                      –             3.60×             –',
				'',
				'errors:',
				'  query: a|b: browser: failed'
			].join('\n')
		);
	});

	it('writes a Markdown summary with the machine, its load and the same table', () => {
		const md = formatMarkdown(report);
		expect(md).toContain('# Benchmark: scale 0.01, seed 42 (1,099,500 rows)');
		expect(md).toContain('- machine: 2 cores (Test CPU), 8,192 MiB RAM');
		expect(md).toContain('- load average (1/5/15 min): 1 / 2 / 3 before, 2 / 2 / 3 after');
		expect(md).toContain('renderer peak RSS 812 MiB, all Chromium processes 1,200 MiB');
		expect(md).toContain('| step | browser ms | native ms (1 thread) | native ms (2 threads) | browser / native | peak RSS MiB |');
		expect(md).toContain('| ingest | 12,345 | 4,000 | 2,500 | 3.09× | 812 |');
		expect(md).toContain('| query: a\\|b | 45.0 | 12.5 | – | 3.60× | – |');
		expect(md).toContain('## Errors');
	});

	it('adds the wasm-in-Node columns only when that engine ran', () => {
		const withWasm: BenchReport = {
			...report,
			engines: [...report.engines, { engine: 'wasm-node', threads: 1, version: 'DuckDB-WASM v1.4.3', peakRssMiB: 400, peakTotalRssMiB: null, wallMs: 30_000 }],
			steps: [{ ...report.steps[0], wasmNodeMs: 6_000, engineRatio: 1.5 }]
		};
		const md = formatMarkdown(withWasm);
		expect(md).toContain('| step | browser ms | native ms (1 thread) | native ms (2 threads) | browser / native | wasm in Node ms | wasm in Node / native | peak RSS MiB |');
		expect(md).toContain('| ingest | 12,345 | 4,000 | 2,500 | 3.09× | 6,000 | 1.50× | 812 |');
		expect(md).toContain("- wasm in Node (the page's engine, without the page): DuckDB-WASM v1.4.3, 1 thread, Node process peak RSS 400 MiB");
		expect(formatMarkdown(report)).not.toContain('wasm in Node');
	});
});
