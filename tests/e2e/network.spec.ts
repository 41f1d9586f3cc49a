import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { cspViolations } from './helpers';

test('the built site references no CDN or extension host', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const full = path.join(dir, entry);
			if (statSync(full).isDirectory()) walk(full);
			else files.push(full);
		}
	};
	walk('build');
	expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
	const offending = files.filter((f) =>
		/cdn\.jsdelivr|unpkg\.com|extensions\.duckdb\.org|fonts\.googleapis|fonts\.gstatic/.test(readFileSync(f).toString('latin1'))
	);
	expect(offending).toEqual([]);
});

test('the built page carries a content security policy that lets only its own origin, its own scripts and wasm run', async ({ page }) => {
	const html = readFileSync(path.join('build', 'index.html'), 'utf8');
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html);
	expect(meta, 'index.html has a CSP meta tag').not.toBeNull();
	const policy = new Map(
		meta![1]
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name, values])
	);
	expect(policy.get('default-src')).toEqual(["'self'"]);
	expect(policy.get('connect-src')).toEqual(["'self'"]);
	expect(policy.get('object-src')).toEqual(["'none'"]);
	expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
	// Scripts: the app's files, wasm compilation, and SvelteKit's one inline script by its hash;
	// never 'unsafe-inline' or 'unsafe-eval'.
	const scripts = policy.get('script-src')!;
	expect(scripts.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
	expect(scripts.filter((s) => s.startsWith("'sha256-")).length).toBe([...html.matchAll(/<script>/g)].length);

	// The browser enforces it: an inline script injected into the page does not run, and a
	// request to another origin is refused before it leaves; each is reported as a violation,
	// to the document and on the console (where other tests look for refusals).
	const reported = cspViolations(page);
	await page.goto('/');
	const outcome = await page.evaluate(async () => {
		const seen: string[] = [];
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
		const w = window as unknown as { injected?: boolean };
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.body.append(script);
		const fetched = await fetch('http://127.0.0.2:9/').then(() => 'sent', () => 'refused');
		await new Promise((resolve) => setTimeout(resolve, 200));
		return { injected: w.injected === true, fetched, seen };
	});
	expect(outcome.injected).toBe(false);
	expect(outcome.fetched).toBe('refused');
	expect(outcome.seen).toEqual(expect.arrayContaining(['script-src-elem inline', 'connect-src http://127.0.0.2:9/']));
	await expect.poll(() => [reported.some((r) => /inline script/.test(r)), reported.some((r) => r.includes('http://127.0.0.2:9/'))]).toEqual([true, true]);
});
