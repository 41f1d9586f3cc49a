// A drawn chart as a file: one standalone SVG (the plot, and the figure's title and legends when
// Plot wrapped it in a <figure>), and a PNG drawn from that SVG. On the page the chart's colours
// come from CSS (`currentColor` is the page's text colour, `var(--plot-background)` its surface),
// which a file opened elsewhere does not have; so every colour is written out as the page
// computed it, in the theme the chart is drawn in, on the background it is drawn on.
// The DOM part runs in the page; the string parts are pure and tested in Node.

/** A piece of the exported picture, in CSS pixels from its top-left corner. */
export type SvgPart =
	| { kind: 'svg'; x: number; y: number; width: number; height: number; markup: string }
	| { kind: 'text'; x: number; y: number; text: string; font: TextFont; fill: string };

export interface TextFont {
	family: string;
	size: string;
	weight: string;
	style: string;
}

export interface ExportedSvg {
	svg: string;
	width: number;
	height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Room around the figure: tick labels may overflow the plot's own box (overflow: visible). */
export const EXPORT_PADDING = 8;

/** The download's name: the cell's name, else the chart's title, else "chart". */
export function chartFileName(name: string | null | undefined, title: string | null | undefined, ext: 'svg' | 'png'): string {
	const slug = (text: string) => text.trim().replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80);
	const base = (name && slug(name)) || (title && slug(title).toLowerCase()) || 'chart';
	return `${base}.${ext}`;
}

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Whether a CSS value depends on where it is drawn: `currentColor` or a custom property. */
export function needsResolving(value: string): boolean {
	return /currentcolor|var\(/i.test(value);
}

/**
 * `text` with every `var(--name)` / `var(--name, fallback)` replaced by `lookup(--name)`, or by
 * its fallback when the page defines no such property (nested fallbacks resolved the same way).
 */
export function resolveCssVars(text: string, lookup: (name: string) => string): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const at = text.slice(i).search(/var\(/i);
		if (at < 0) return out + text.slice(i);
		out += text.slice(i, i + at);
		const start = i + at + 4;
		let depth = 1;
		let j = start;
		for (; j < text.length && depth > 0; j++) {
			if (text[j] === '(') depth++;
			else if (text[j] === ')') depth--;
		}
		if (depth > 0) return out + text.slice(i + at); // unbalanced: leave as written
		const inner = text.slice(start, j - 1);
		const comma = inner.indexOf(',');
		const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
		const value = lookup(name).trim();
		out += value !== '' ? value : comma < 0 ? '' : resolveCssVars(inner.slice(comma + 1).trim(), lookup);
		i = j;
	}
	return out;
}

/**
 * An inline `style` attribute with every declaration that depends on the page (currentColor,
 * var()) replaced by the value the page computed for that property.
 */
export function resolveDeclarations(style: string, computed: (property: string) => string): string {
	return style
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d !== '')
		.map((declaration) => {
			const colon = declaration.indexOf(':');
			if (colon < 0) return declaration;
			const property = declaration.slice(0, colon).trim();
			const value = declaration.slice(colon + 1).trim();
			if (!needsResolving(value)) return `${property}: ${value}`;
			const resolved = computed(property).trim();
			return resolved === '' ? null : `${property}: ${resolved}`;
		})
		.filter((d): d is string => d !== null)
		.join('; ');
}

/** The parts laid out in one SVG document of the given size, on the given background. */
export function composeSvg(parts: readonly SvgPart[], size: { width: number; height: number }, background: string): string {
	const width = round(size.width);
	const height = round(size.height);
	const body = parts.map((part) =>
		part.kind === 'svg'
			? part.markup
			: `<text x="${round(part.x)}" y="${round(part.y)}" dominant-baseline="central" text-anchor="start" fill="${escapeXml(part.fill)}"` +
				` font-family="${escapeXml(part.font.family)}" font-size="${escapeXml(part.font.size)}" font-weight="${escapeXml(part.font.weight)}"` +
				`${part.font.style !== 'normal' ? ` font-style="${escapeXml(part.font.style)}"` : ''} xml:space="preserve">${escapeXml(part.text)}</text>`
	);
	return [
		`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<rect width="100%" height="100%" fill="${escapeXml(background)}"/>`,
		...body,
		'</svg>'
	].join('\n');
}

/** The canvas size for a PNG at `scale` pixels per CSS pixel (at least 1 × 1). */
export function pngSize(width: number, height: number, scale: number): { width: number; height: number } {
	return { width: Math.max(1, Math.ceil(width * scale)), height: Math.max(1, Math.ceil(height * scale)) };
}

const round = (n: number) => Math.round(n * 100) / 100;

// ---- In the page ----

// Presentation attributes that carry a colour.
const PAINT_ATTRIBUTES = ['fill', 'stroke', 'color', 'stop-color', 'flood-color', 'lighting-color'];

/**
 * The chart Plot drew (its <svg>, or the <figure> around it, attached to the page) as one SVG
 * file, on `background` (the colour the chart is drawn on).
 */
export function chartSvg(drawn: Element, background: string): ExportedSvg {
	const origin = drawn.getBoundingClientRect();
	const at = (rect: DOMRect) => ({ x: rect.left - origin.left + EXPORT_PADDING, y: rect.top - origin.top + EXPORT_PADDING });
	const parts: SvgPart[] = [];
	const serializer = new XMLSerializer();

	const addSvg = (svg: SVGSVGElement) => {
		const rect = svg.getBoundingClientRect();
		if (rect.width === 0 || rect.height === 0) return;
		const copy = svg.cloneNode(true) as SVGSVGElement;
		inlineColours(svg, copy);
		resolveStyleSheets(svg, copy);
		const { x, y } = at(rect);
		copy.setAttribute('x', String(round(x)));
		copy.setAttribute('y', String(round(y)));
		copy.setAttribute('width', String(round(rect.width)));
		copy.setAttribute('height', String(round(rect.height)));
		// Plot's sheet sizes its svg with CSS (height: auto, max-width: 100%), which beats the
		// attributes; pinned inline, the nested svg keeps the size it has on the page.
		const inline = copy.getAttribute('style') ?? '';
		copy.setAttribute('style', `${inline}${inline.trim() === '' || inline.trim().endsWith(';') ? '' : ';'} width: ${round(rect.width)}px; height: ${round(rect.height)}px`);
		parts.push({ kind: 'svg', ...at(rect), width: rect.width, height: rect.height, markup: serializer.serializeToString(copy) });
	};

	const addText = (node: Text) => {
		const text = node.data.replace(/\s+/g, ' ').trim();
		const parent = node.parentElement;
		if (text === '' || !parent) return;
		const range = document.createRange();
		range.selectNodeContents(node);
		const rect = range.getBoundingClientRect();
		if (rect.width === 0) return;
		const style = getComputedStyle(parent);
		const { x, y } = at(rect);
		parts.push({
			kind: 'text',
			x,
			y: y + rect.height / 2,
			text,
			fill: style.color,
			font: { family: style.fontFamily, size: style.fontSize, weight: style.fontWeight, style: style.fontStyle }
		});
	};

	const walk = (element: Element) => {
		if (element instanceof SVGSVGElement) return addSvg(element);
		if (element.localName === 'style' || element.localName === 'script') return;
		for (const child of element.childNodes) {
			if (child.nodeType === Node.TEXT_NODE) addText(child as Text);
			else if (child.nodeType === Node.ELEMENT_NODE) walk(child as Element);
		}
	};
	walk(drawn);

	// Whole pixels, so the PNG's size is exactly the SVG's times the scale.
	const size = { width: Math.ceil(origin.width + 2 * EXPORT_PADDING), height: Math.ceil(origin.height + 2 * EXPORT_PADDING) };
	return { svg: composeSvg(parts, size, background), ...size };
}

/** Writes the colours `live` (on the page) computes into `copy`'s attributes and inline styles, at every depth. */
function inlineColours(live: Element, copy: Element): void {
	let computed: CSSStyleDeclaration | null = null;
	const style = () => (computed ??= getComputedStyle(live));
	for (const attribute of PAINT_ATTRIBUTES) {
		const value = copy.getAttribute(attribute);
		if (value !== null && needsResolving(value)) copy.setAttribute(attribute, style().getPropertyValue(attribute));
	}
	const inline = copy.getAttribute('style');
	if (inline !== null && needsResolving(inline)) copy.setAttribute('style', resolveDeclarations(inline, (p) => style().getPropertyValue(p)));
	const liveChildren = live.children;
	const copyChildren = copy.children;
	for (let i = 0; i < liveChildren.length && i < copyChildren.length; i++) inlineColours(liveChildren[i], copyChildren[i]);
}

/** Custom properties used in the svg's own <style> sheets, replaced by the page's values. */
function resolveStyleSheets(live: SVGSVGElement, copy: SVGSVGElement): void {
	const style = getComputedStyle(live);
	for (const sheet of copy.querySelectorAll('style')) {
		const text = sheet.textContent ?? '';
		if (needsResolving(text)) sheet.textContent = resolveCssVars(text, (name) => style.getPropertyValue(name)).replace(/currentcolor/gi, style.color);
	}
}

/** The first colour behind `element` that is not transparent (the page's canvas if none is). */
export function backgroundBehind(element: Element): string {
	for (let node: Element | null = element; node; node = node.parentElement) {
		const colour = getComputedStyle(node).backgroundColor;
		if (!/^(transparent|rgba\(.*,\s*0\))$/i.test(colour.trim())) return colour;
	}
	return getComputedStyle(document.documentElement).backgroundColor || 'white';
}

/**
 * The SVG drawn into a canvas at `scale` pixels per CSS pixel, as a PNG. The image is read from a
 * blob: URL of this origin (the page's content security policy allows blob: images), so the
 * canvas is not tainted and toBlob may read it.
 */
export async function svgToPng(exported: ExportedSvg, scale: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([exported.svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const size = pngSize(exported.width, exported.height, scale);
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		const context = canvas.getContext('2d');
		if (!context) throw new Error('this browser gave no 2D canvas to draw the PNG on');
		context.drawImage(image, 0, 0, size.width, size.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
