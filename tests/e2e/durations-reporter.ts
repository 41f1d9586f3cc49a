import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Ends the run with every test's duration, longest first, and each worker's total: CI's log
 * keeps only its tail, and the e2e phase's share of the CI budget is spent test by test.
 */
export default class DurationsReporter implements Reporter {
	private readonly rows: { title: string; seconds: number; worker: number; status: string }[] = [];

	onTestEnd(test: TestCase, result: TestResult): void {
		const title = `${test.location.file.split(/[\\/]/).at(-1)}: ${test.title}`;
		this.rows.push({ title, seconds: result.duration / 1000, worker: result.parallelIndex, status: result.status });
	}

	onEnd(result: FullResult): void {
		const rows = [...this.rows].sort((a, b) => b.seconds - a.seconds);
		const perWorker = new Map<number, number>();
		for (const row of rows) perWorker.set(row.worker, (perWorker.get(row.worker) ?? 0) + row.seconds);
		console.log(`\ne2e durations (${result.status}, wall ${Math.round(result.duration / 1000)} s):`);
		for (const row of rows) console.log(`${row.seconds.toFixed(0).padStart(6)} s  w${row.worker}  ${row.status === 'passed' ? '' : `[${row.status}] `}${row.title.slice(0, 110)}`);
		console.log(`worker totals: ${[...perWorker].sort((a, b) => a[0] - b[0]).map(([w, s]) => `w${w} ${Math.round(s)} s`).join(', ')}`);
	}

	printsToStdio(): boolean {
		return false;
	}
}
