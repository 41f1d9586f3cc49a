// The theme: the stored choice, the script that applies it before first paint, and the colours
// of both themes (app.css, the editor's dark tokens) read against their backgrounds.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { applyThemeChoice, isDarkTheme, readThemeChoice, saveThemeChoice, THEME_KEY } from '../../../src/lib/app/theme';
import { isFirstVisit } from '../../../src/lib/app/first-visit';
import { DARK_HIGHLIGHT } from '../../../src/lib/components/editor-theme';
import { contrastRatio } from '../support/contrast';

function memoryStorage(entries: Record<string, string> = {}) {
	const map = new Map(Object.entries(entries));
	return {
		getItem: (k: string) => map.get(k) ?? null,
		setItem: (k: string, v: string) => void map.set(k, v),
		removeItem: (k: string) => void map.delete(k),
		key: (i: number) => [...map.keys()][i] ?? null,
		get length() {
			return map.size;
		},
		map
	};
}

function element() {
	const attrs = new Map<string, string>();
	return { attrs, setAttribute: (k: string, v: string) => void attrs.set(k, v), removeAttribute: (k: string) => void attrs.delete(k) };
}

const throwing = {
	getItem: () => {
		throw new Error('SecurityError');
	}
};

describe('the theme choice', () => {
	it('is read back as saved; system (the default) is no key at all', () => {
		const storage = memoryStorage();
		expect(readThemeChoice(storage)).toBe('system');
		saveThemeChoice(storage, 'dark');
		expect(storage.map.get(THEME_KEY)).toBe('dark');
		expect(readThemeChoice(storage)).toBe('dark');
		saveThemeChoice(storage, 'system');
		expect(storage.map.has(THEME_KEY)).toBe(false);
		expect(readThemeChoice(memoryStorage({ [THEME_KEY]: 'purple' }))).toBe('system');
		expect(readThemeChoice(throwing)).toBe('system');
		expect(readThemeChoice(null)).toBe('system');
	});

	it('is dark when chosen, or when left to a system that prefers dark', () => {
		expect([isDarkTheme('dark', false), isDarkTheme('light', true), isDarkTheme('system', true), isDarkTheme('system', false)]).toEqual([true, false, true, false]);
	});

	it('is applied before first paint by static/theme-init.js exactly as the app applies it', () => {
		const script = readFileSync('static/theme-init.js', 'utf8');
		for (const stored of [undefined, 'light', 'dark', 'system', 'purple']) {
			const storage = memoryStorage(stored === undefined ? {} : { [THEME_KEY]: stored });
			const early = element();
			vm.runInNewContext(script, { localStorage: storage, document: { documentElement: early } });
			const app = element();
			applyThemeChoice(app, readThemeChoice(storage));
			expect(Object.fromEntries(early.attrs), String(stored)).toEqual(Object.fromEntries(app.attrs));
		}
		expect(Object.fromEntries(element().attrs)).toEqual({});
		const blocked = element();
		vm.runInNewContext(script, { localStorage: throwing, document: { documentElement: blocked } });
		expect(blocked.attrs.size).toBe(0);
	});
});

describe('a first visit', () => {
	it('is one with no key of the app in localStorage', () => {
		expect(isFirstVisit(() => memoryStorage({ other: 'x' }))).toBe(true);
		expect(isFirstVisit(() => memoryStorage({ 'cin:notebook:v1': '# hi' }))).toBe(false);
		expect(isFirstVisit(() => memoryStorage({ [THEME_KEY]: 'dark' }))).toBe(false);
		// No storage: nothing could be remembered, so the note is not shown on every visit.
		expect(
			isFirstVisit(() => {
				throw new Error('SecurityError');
			})
		).toBe(false);
	});
});

/** app.css's colours: name → [light, dark], from its light-dark() pairs. */
function themeColours(): Map<string, [string, string]> {
	const css = readFileSync('src/app.css', 'utf8');
	const pairs = [...css.matchAll(/(--[\w-]+):\s*light-dark\(\s*(#[0-9a-f]+)\s*,\s*(#[0-9a-f]+)\s*\)/gi)];
	return new Map(pairs.map(([, name, light, dark]) => [name, [light, dark]]));
}

describe('the colours of both themes', () => {
	const colours = themeColours();
	// Text colour on the backgrounds it is drawn on.
	const TEXT_ON: [string, string[]][] = [
		['--text', ['--surface', '--page-bg', '--code-bg', '--surface-alt', '--surface-hover', '--selected-bg']],
		['--muted', ['--surface', '--page-bg', '--surface-alt']],
		['--faint', ['--surface', '--code-bg', '--surface-alt']],
		['--accent', ['--surface', '--page-bg']],
		['--error', ['--surface', '--error-bg']],
		['--ok', ['--surface']],
		['--warn', ['--surface']],
		['--notice-error-text', ['--notice-error-bg']],
		['--notice-info-text', ['--notice-info-bg']]
	];

	it('give text at least 4.5:1 contrast on its backgrounds, in light and in dark', () => {
		const low: string[] = [];
		for (const [text, backgrounds] of TEXT_ON) {
			for (const bg of backgrounds) {
				const [fg, back] = [colours.get(text), colours.get(bg)];
				if (!fg || !back) throw new Error(`app.css has no light-dark() pair for ${fg ? bg : text}`);
				for (const theme of [0, 1]) {
					const ratio = contrastRatio(fg[theme], back[theme]);
					if (ratio < 4.5) low.push(`${text} on ${bg} (${theme ? 'dark' : 'light'}): ${ratio.toFixed(2)}`);
				}
			}
		}
		expect(low).toEqual([]);
	});

	it('draw the column summaries\' bars at least 3:1 against the table header, in light and in dark', () => {
		// WCAG's contrast for graphics: a histogram bar or a top value's segment must be seen.
		const header = colours.get('--surface-alt')!;
		const low: string[] = [];
		for (const bar of ['--summary-bar', '--summary-bar-alt']) {
			const colour = colours.get(bar);
			if (!colour) throw new Error(`app.css has no light-dark() pair for ${bar}`);
			for (const theme of [0, 1]) {
				const ratio = contrastRatio(colour[theme], header[theme]);
				if (ratio < 3) low.push(`${bar} (${theme ? 'dark' : 'light'}): ${ratio.toFixed(2)}`);
			}
		}
		expect(low).toEqual([]);
	});

	it('give every token of the dark editor theme its own colour, readable on the dark code background', () => {
		const codeBg = colours.get('--code-bg')![1];
		const tokenColours = DARK_HIGHLIGHT.specs.flatMap((s) => (typeof s.color === 'string' ? [s.color] : []));
		expect(tokenColours.length).toBeGreaterThan(10);
		for (const colour of tokenColours) {
			expect(colour, 'a colour of the default style has no dark counterpart').toMatch(/^#/);
			expect(contrastRatio(colour, codeBg), colour).toBeGreaterThanOrEqual(4.5);
		}
	});
});
