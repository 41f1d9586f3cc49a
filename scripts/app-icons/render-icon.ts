// The app's PNG icons, drawn from static/favicon.svg: the install prompt and home screens want
// raster icons of given sizes (192 and 512 px), and the site must not load any from elsewhere.
// The favicon is a few rectangles (a rounded tile and three bars), so this reads its <rect>
// elements and fills them, 4×4 samples per pixel for smooth edges. No dependencies.

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
	rx: number;
	/** #rrggbb */
	fill: string;
}

export interface IconSource {
	/** The viewBox's width and height (the favicon's is square). */
	size: number;
	/** In drawing order; the first is the tile behind the rest. */
	rects: Rect[];
}

/** Reads the favicon: its viewBox and its <rect> elements. Throws on anything else it draws. */
export function readIconSvg(svg: string): IconSource {
	const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
	if (!viewBox || viewBox[1] !== viewBox[2]) throw new Error('the icon SVG needs a square viewBox starting at 0 0');
	const shapes = [...svg.matchAll(/<(\w+)\b([^>]*)\/?>/g)].filter((m) => m[1] !== 'svg');
	const rects = shapes.map(([element, name, attributes]) => {
		if (name !== 'rect') throw new Error(`the icon SVG may only draw <rect> elements, not ${element}`);
		const attr = (key: string, fallback?: string) => {
			const value = new RegExp(`\\b${key}="([^"]*)"`).exec(attributes)?.[1] ?? fallback;
			if (value === undefined) throw new Error(`${element} has no ${key}`);
			return value;
		};
		const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(attr('fill'));
		const fill = short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : attr('fill');
		if (!/^#[0-9a-f]{6}$/i.test(fill)) throw new Error(`${element}: the fill must be #rgb or #rrggbb`);
		return { x: +attr('x', '0'), y: +attr('y', '0'), width: +attr('width'), height: +attr('height'), rx: +attr('rx', '0'), fill };
	});
	if (rects.length === 0) throw new Error('the icon SVG draws nothing');
	return { size: +viewBox[1], rects };
}

const SAMPLES = 4;

/**
 * RGBA pixels of the icon at `pixels` × `pixels`. `maskable`: the tile fills the whole square
 * (no rounded corners) and the rest is drawn within the middle 80%, the safe zone a platform's
 * mask (circle, squircle) never cuts.
 */
export function drawIcon(source: IconSource, pixels: number, maskable = false): Uint8Array {
	const [tile, ...marks] = source.rects;
	const unit = pixels / source.size;
	const layers = maskable
		? [
				{ rect: { ...tile, x: 0, y: 0, width: source.size, height: source.size, rx: 0 }, scale: unit, offset: 0 },
				...marks.map((rect) => ({ rect, scale: unit * 0.8, offset: pixels * 0.1 }))
			]
		: source.rects.map((rect) => ({ rect, scale: unit, offset: 0 }));
	// Premultiplied colour, painted in order.
	const out = new Float64Array(pixels * pixels * 4);
	for (const { rect, scale, offset } of layers) {
		const [r, g, b] = [1, 3, 5].map((i) => parseInt(rect.fill.slice(i, i + 2), 16));
		const x0 = offset + rect.x * scale;
		const y0 = offset + rect.y * scale;
		const w = rect.width * scale;
		const h = rect.height * scale;
		const radius = Math.min(rect.rx * scale, w / 2, h / 2);
		for (let py = Math.max(0, Math.floor(y0)); py < Math.min(pixels, Math.ceil(y0 + h)); py++) {
			for (let px = Math.max(0, Math.floor(x0)); px < Math.min(pixels, Math.ceil(x0 + w)); px++) {
				let inside = 0;
				for (let sy = 0; sy < SAMPLES; sy++) {
					for (let sx = 0; sx < SAMPLES; sx++) {
						const x = px + (sx + 0.5) / SAMPLES - x0;
						const y = py + (sy + 0.5) / SAMPLES - y0;
						if (x >= 0 && y >= 0 && x <= w && y <= h && inRoundedCorner(x, y, w, h, radius)) inside++;
					}
				}
				if (inside === 0) continue;
				const a = inside / (SAMPLES * SAMPLES);
				const o = (py * pixels + px) * 4;
				out[o] = r * a + out[o] * (1 - a);
				out[o + 1] = g * a + out[o + 1] * (1 - a);
				out[o + 2] = b * a + out[o + 2] * (1 - a);
				out[o + 3] = 255 * a + out[o + 3] * (1 - a);
			}
		}
	}
	const rgba = new Uint8Array(out.length);
	for (let o = 0; o < out.length; o += 4) {
		const alpha = out[o + 3];
		if (alpha === 0) continue;
		for (let c = 0; c < 3; c++) rgba[o + c] = Math.round((out[o + c] * 255) / alpha);
		rgba[o + 3] = Math.round(alpha);
	}
	return rgba;
}

/** Whether (x, y), inside the w × h box, is also inside its rounded corners. */
function inRoundedCorner(x: number, y: number, w: number, h: number, radius: number): boolean {
	if (radius <= 0) return true;
	const cx = x < radius ? radius : x > w - radius ? w - radius : x;
	const cy = y < radius ? radius : y > h - radius ? h - radius : y;
	return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}
