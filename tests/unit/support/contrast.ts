// WCAG 2 contrast ratio between two sRGB colours (#rgb, #rrggbb or rgb()/rgba() as
// getComputedStyle writes them): 1 (same) to 21 (black on white). Text needs 4.5 (AA).

export type Rgb = [number, number, number];

export function parseColour(text: string): Rgb & { alpha?: number } {
	const t = text.trim().toLowerCase();
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(t);
	if (hex) {
		const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
		return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
	}
	const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(t);
	if (fn) {
		const rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])] as Rgb & { alpha?: number };
		if (fn[4] !== undefined) rgb.alpha = fn[4].endsWith('%') ? Number(fn[4].slice(0, -1)) / 100 : Number(fn[4]);
		return rgb;
	}
	throw new Error(`cannot read colour "${text}"`);
}

function luminance([r, g, b]: Rgb): number {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
	const la = luminance(typeof a === 'string' ? parseColour(a) : a);
	const lb = luminance(typeof b === 'string' ? parseColour(b) : b);
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
