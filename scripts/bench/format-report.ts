// The report as a console table and as Markdown (bench/report.md).
import type { BenchReport, StepRow } from './bench-report';

const ms = (v: number | null) => (v === null ? '–' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
const x = (v: number | null) => (v === null ? '–' : `${v.toFixed(2)}×`);
const mib = (v: number | null) => (v === null ? '–' : v.toLocaleString('en-US'));

const hasWasmNode = (report: BenchReport) => report.engines.some((e) => e.engine === 'wasm-node');

function cells(report: BenchReport, row: StepRow): string[] {
	const wasm = hasWasmNode(report) ? [ms(row.wasmNodeMs), x(row.engineRatio)] : [];
	return [row.name, ms(row.browserMs), ms(row.nativeMs), ms(row.nativeAllMs), x(row.ratio), ...wasm, mib(row.peakRssMiB)];
}

function headers(report: BenchReport): string[] {
	const all = report.engines.find((e) => e.engine === 'native' && e.threads !== 1)?.threads ?? report.machine.cores;
	const wasm = hasWasmNode(report) ? ['wasm in Node ms', 'wasm in Node / native'] : [];
	return ['step', 'browser ms', 'native ms (1 thread)', `native ms (${all} threads)`, 'browser / native', ...wasm, 'peak RSS MiB'];
}

function noteLines(report: BenchReport): string[] {
	return report.steps.filter((s) => s.note).map((s) => `${s.name}: ${s.note}`);
}

function errorLines(report: BenchReport): string[] {
	return report.steps.filter((s) => s.error).map((s) => `${s.name}: ${s.error}`);
}

/** A fixed-width table for the terminal: names left, figures right, a blank line between groups. */
export function formatTable(report: BenchReport): string {
	const head = headers(report);
	const body = report.steps.map((s) => cells(report, s));
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  ')];
	report.steps.forEach((s, i) => {
		if (i > 0 && report.steps[i - 1].group !== s.group) out.push('');
		out.push(line(body[i]));
	});
	const notes = noteLines(report);
	if (notes.length) out.push('', 'notes:', ...notes.map((n) => `  ${n}`));
	const errors = errorLines(report);
	if (errors.length) out.push('', 'errors:', ...errors.map((e) => `  ${e}`));
	return out.join('\n');
}

export function formatMarkdown(report: BenchReport): string {
	const m = report.machine;
	const rows = report.rows === null ? '' : ` (${report.rows.toLocaleString('en-US')} rows)`;
	const escape = (s: string) => s.replaceAll('|', '\\|');
	const engine = (e: BenchReport['engines'][number]) => {
		if (e.engine === 'browser') {
			return `- browser: ${e.version}, renderer peak RSS ${mib(e.peakRssMiB)} MiB, all Chromium processes ${mib(e.peakTotalRssMiB)} MiB, ${ms(e.wallMs)} ms in all`;
		}
		const where = e.engine === 'wasm-node' ? 'wasm in Node (the page\'s engine, without the page)' : 'native';
		return `- ${where}: ${e.version}, ${e.threads} thread${e.threads === 1 ? '' : 's'}, Node process peak RSS ${mib(e.peakRssMiB)} MiB, ${ms(e.wallMs)} ms in all`;
	};
	const lines = [
		`# Benchmark: ${report.scale === null ? 'given files' : `scale ${report.scale}, seed ${report.seed}`}${rows}`,
		'',
		`- ${report.startedAt} → ${report.finishedAt}${m.git ? `, commit ${m.git}` : ''}`,
		`- machine: ${m.cores} cores (${m.cpu}), ${mib(m.memoryMiB)} MiB RAM, ${m.platform}, Node ${m.node}`,
		`- load average (1/5/15 min): ${m.loadBefore.join(' / ')} before, ${m.loadAfter?.join(' / ') ?? '–'} after`,
		`- files: ${report.files.map((f) => `${f.name} (${mib(Math.round(f.bytes / 1048576))} MiB)`).join(', ')}`,
		`- notebook: ${report.notebook}; medians of ${report.repeat} run${report.repeat === 1 ? '' : 's'} for queries, inputs and reopen; ingest and facts run once${report.only ? `; only ${report.only}` : ''}`,
		'- ms per cell: the app\'s cell runner on each engine (the cell\'s CREATE TABLE, its metadata row and the result preview, sent as one request); browser figures are the page\'s own time for the cell. Peak RSS: the page\'s renderer process while the step ran.',
		...report.engines.map(engine),
		'',
		`| ${headers(report).join(' | ')} |`,
		`|${headers(report).map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
		...report.steps.map((s) => `| ${cells(report, s).map(escape).join(' | ')} |`)
	];
	const notes = noteLines(report);
	if (notes.length) lines.push('', '## Notes', '', ...notes.map((n) => `- ${escape(n)}`));
	const errors = errorLines(report);
	if (errors.length) lines.push('', '## Errors', '', ...errors.map((e) => `- ${escape(e)}`));
	return lines.join('\n') + '\n';
}
