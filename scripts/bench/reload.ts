// `npm run bench:reload -- [--site DIR]... [--reloads N] [--port P] [--trace] [--js-flags F]`
// A returning user's reload, on the bundled sample: for each built site, a fresh Chromium
// profile on disk makes the first visit (the sample ingested, the notebook run, the engine's
// code left for Chrome to cache), then the page is reloaded N times. Several sites are
// measured side by side, their reloads taking turns, so a before/after pair shares the
// machine's load. Prints each reload and the medians: first paint, saved results shown,
// engine start (from navigation start: worker and wasm started, wasm ready, database open,
// engine ready) and notebook live. `--trace` adds V8's wasm trace events of each reload
// (wasm.Deserialize is the engine's code taken from Chrome's code cache).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ArgCursor } from '../arg-cursor';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import type { CinWindow } from '../notebook/headless-page';
import { serveSite, type SiteServer } from '../notebook/serve-site';
import { median } from './median';
import { countDoneCells, installReloadRecorder, readReloadTimeline, type ReloadTimeline } from './reload-timeline';

interface Options {
	sites: string[];
	reloads: number;
	port: number;
	trace: boolean;
	jsFlags: string | null;
	/** Where to write the whole Chrome trace of the last reload (for chrome://tracing or Perfetto). */
	traceFile: string | null;
	/** Quiet time after the first visit: V8 hands the optimised code to Chrome's cache 2 s after the last tier-up. */
	settleMs: number;
}

function parse(argv: string[]): Options {
	const o: Options = { sites: [], reloads: 5, port: 0, trace: false, jsFlags: null, settleMs: 10_000, traceFile: null };
	const args = new ArgCursor(argv);
	for (const flag of args.flags()) {
		if (flag === '--site') o.sites.push(args.value());
		else if (flag === '--reloads') o.reloads = args.number((n) => Number.isInteger(n) && n > 0);
		else if (flag === '--port') o.port = args.number((n) => Number.isInteger(n) && n >= 0);
		else if (flag === '--trace') o.trace = true;
		else if (flag === '--js-flags') o.jsFlags = args.verbatim();
		else if (flag === '--trace-file') o.traceFile = args.value();
		else if (flag === '--settle-ms') o.settleMs = args.number((n) => n >= 0);
		else throw new Error(`unknown option ${flag}`);
	}
	if (o.sites.length === 0) o.sites.push('build');
	return o;
}

interface Visit {
	label: string;
	site: SiteServer;
	profile: string;
	context: BrowserContext;
	page: Page;
	runs: (ReloadTimeline & { wasm: Record<string, number> })[];
}

const log = (line: string) => console.log(line);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function firstVisit(dir: string, port: number, options: Options): Promise<Visit> {
	const site = await serveSite(dir, port);
	const profile = mkdtempSync(path.join(tmpdir(), 'cin-reload-profile-'));
	const args = options.jsFlags ? [...CHROMIUM_ARGS, `--js-flags=${options.jsFlags}`] : CHROMIUM_ARGS;
	const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args, viewport: { width: 1280, height: 900 } });
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(0);
	page.on('pageerror', (error) => log(`  ${dir}: page error: ${error.message}`));
	const t0 = performance.now();
	await page.goto(site.url);
	await page.waitForFunction(() => 'cin' in window);
	await page.evaluate(() => (window as unknown as CinWindow).cin.idle());
	const expected = await countDoneCells(page);
	log(`${dir}: first visit ${Math.round(performance.now() - t0)} ms (sample ingested, ${expected} cells show an output); settling ${options.settleMs} ms`);
	await page.waitForTimeout(options.settleMs);
	await installReloadRecorder(context, expected);
	return { label: dir, site, profile, context, page, runs: [] };
}

/** V8's wasm trace events of one reload: total ms per event name. */
async function traced<T>(page: Page, on: boolean, file: string | null, work: () => Promise<T>): Promise<{ result: T; wasm: Record<string, number> }> {
	if (!on && !file) return { result: await work(), wasm: {} };
	const cdp = await page.context().newCDPSession(page);
	const wasm: Record<string, number> = {};
	const all: unknown[] = [];
	cdp.on('Tracing.dataCollected', (e) => {
		for (const ev of e.value as unknown as { name: string; ph: string; cat: string; dur?: number }[]) {
			if (file) all.push(ev);
			if (ev.cat === 'v8.wasm' && (ev.ph === 'X' || ev.ph === 'I' || ev.ph === 'i')) wasm[ev.name] = (wasm[ev.name] ?? 0) + (ev.dur ?? 0) / 1000;
		}
	});
	const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
	const categories = file ? ['v8.wasm', 'v8', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', 'loading', 'disabled-by-default-v8.cpu_profiler'] : ['v8.wasm'];
	await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } });
	const result = await work();
	await cdp.send('Tracing.end');
	await complete;
	await cdp.detach();
	if (file) writeFileSync(file, JSON.stringify({ traceEvents: all }));
	for (const k of Object.keys(wasm)) wasm[k] = Math.round(wasm[k]);
	return { result, wasm };
}

function line(r: ReloadTimeline): string {
	const m = r.marks;
	return [
		`paint ${r.paintMs}`,
		`mount ${m['cin:page-mount'] ?? '-'}`,
		`restored ${m['cin:snapshot-restored'] ?? '-'}`,
		`first shown ${r.firstShownMs}`,
		`all shown ${r.shownMs}`,
		`engine start ${m['cin:engine-start'] ?? '-'}`,
		`wasm ready ${m['cin:wasm-ready'] ?? '-'}`,
		`db open ${m['cin:database-open'] ?? '-'}`,
		`ready ${r.readyMs}`,
		`live ${r.liveMs}`
	].join(' · ');
}

const options = parse(process.argv.slice(2));
const visits: Visit[] = [];
try {
	log(`load average ${load()}`);
	for (const [i, dir] of options.sites.entries()) visits.push(await firstVisit(dir, options.port ? options.port + i : 0, options));
	for (let r = 0; r < options.reloads; r++) {
		for (const v of visits) {
			const last = r === options.reloads - 1;
			const file = last && options.traceFile ? `${options.traceFile.replace(/\.json$/, '')}-${visits.indexOf(v)}.json` : null;
			const { result, wasm } = await traced(v.page, options.trace, file, async () => {
				await v.page.reload();
				return readReloadTimeline(v.page);
			});
			// The next reload starts from a quiet page, as a user's would.
			await v.page.evaluate(() => (window as unknown as CinWindow).cin.idle());
			v.runs.push({ ...result, wasm });
			const events = Object.entries(wasm).map(([k, ms]) => `${k} ${ms}`).join(', ');
			log(`${v.label} reload ${r + 1}: ${line(result)}${events ? ` | ${events}` : ''} | load ${load()}`);
		}
	}
	log(`\nmedians of ${options.reloads} reloads, ms from navigation start (load average ${load()}):`);
	const mark = (name: string) => (r: ReloadTimeline) => r.marks[name];
	const rows: [string, (r: ReloadTimeline) => number | null | undefined][] = [
		['first contentful paint', (r) => r.paintMs],
		['page mounted', mark('cin:page-mount')],
		['snapshot restored (outputs in the page state)', mark('cin:snapshot-restored')],
		['first saved output shown (top of the notebook)', (r) => r.firstShownMs],
		['every saved output shown', (r) => r.shownMs],
		['engine start begins', mark('cin:engine-start')],
		['wasm ready (fetched, compiled, instantiated)', mark('cin:wasm-ready')],
		['database open', mark('cin:database-open')],
		['engine ready', (r) => r.readyMs],
		['notebook live', (r) => r.liveMs],
		['engine start itself (ready − start begins)', (r) => (r.marks['cin:engine-ready'] ?? NaN) - (r.marks['cin:engine-start'] ?? NaN)]
	];
	const width = Math.max(...rows.map(([name]) => name.length));
	log(`${''.padEnd(width)}  ${visits.map((v) => v.label.padStart(12)).join('')}`);
	for (const [name, get] of rows) {
		log(`${name.padEnd(width)}  ${visits.map((v) => String(median(v.runs.map(get)) ?? '-').padStart(12)).join('')}`);
	}
} finally {
	for (const v of visits) {
		await v.context.close().catch(() => {});
		await v.site.close();
		rmSync(v.profile, { recursive: true, force: true });
	}
}
