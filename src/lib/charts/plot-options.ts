// A declarative chart spec (JSON from the document) + a cell's rows → Observable Plot options.
// Specs never carry code: marks come from a fixed table, channels must name result columns.
import * as Plot from '@observablehq/plot';
import type { ChartSpec, MarkSpec, ScaleSpec } from '../notebook/chart-spec';
import type { ColumnInfo, Row, Value } from '../data/value';

const CHANNELS = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'fill', 'stroke', 'r', 'text', 'title', 'z', 'fx', 'fy']);
// Channels where a string that is not a column is a constant (a colour), as in Plot itself.
const CONSTANT_OK = new Set(['fill', 'stroke']);

type MarkFactory = (data: Record<string, Value>[], options: Record<string, unknown>) => Plot.Markish;
const MARKS: Record<string, MarkFactory> = {
	dot: Plot.dot,
	line: Plot.line,
	lineY: Plot.lineY,
	lineX: Plot.lineX,
	barY: Plot.barY,
	barX: Plot.barX,
	rectY: Plot.rectY,
	rectX: Plot.rectX,
	cell: Plot.cell,
	areaY: Plot.areaY,
	ruleY: (data, options) => Plot.ruleY(data, options),
	ruleX: (data, options) => Plot.ruleX(data, options),
	text: Plot.text,
	tickX: Plot.tickX,
	tickY: Plot.tickY
};

/** Rows as objects keyed by column name; exact big numbers (strings) become doubles for plotting. */
export function rowsToObjects(columns: ColumnInfo[], rows: Row[]): Record<string, Value>[] {
	const numeric = columns.map((c) => c.kind === 'number');
	return rows.map((row) => {
		const obj: Record<string, Value> = {};
		columns.forEach((c, i) => {
			const v = row[i];
			obj[c.name] = numeric[i] && typeof v === 'string' ? Number(v) : v;
		});
		return obj;
	});
}

/** The page's theme, which a chart's colours must read on. */
export interface ChartTheme {
	dark: boolean;
}

// Single-hue schemes run from near-white (low) to a dark hue (high): on a dark background the
// highest values would fade into it, so a dark page runs them the other way (low dark, high
// bright), keeping "more" the most visible. Multi-hue schemes (viridis, turbo…) read on both.
const SINGLE_HUE = new Set(['blues', 'greens', 'greys', 'oranges', 'purples', 'reds']);

export function plotOptions(spec: ChartSpec, columns: ColumnInfo[], rows: Row[], width: number, theme: ChartTheme = { dark: false }): Plot.PlotOptions {
	const names = new Set(columns.map((c) => c.name));
	const data = rowsToObjects(columns, rows);
	const marks = spec.marks.map((mark, i) => buildMark(mark, i, data, names));
	return {
		width: spec.width ?? width,
		height: spec.height,
		title: spec.title,
		grid: spec.grid,
		// Plot's default (40px) clips tick labels like 100,000; 60 fits seven characters.
		marginLeft: spec.marginLeft ?? 60,
		marginBottom: spec.marginBottom,
		x: scale(spec.x),
		y: scale(spec.y),
		color: theme.dark ? forDark(scale(spec.color)) : scale(spec.color),
		fx: scale(spec.fx),
		fy: scale(spec.fy),
		// Text, axes and grid are drawn in currentColor: the page's text colour in either theme.
		style: { fontSize: '11px', overflow: 'visible', color: 'var(--text)', background: 'transparent' },
		marks
	};
}

/** The rendered chart: an SVG (or a figure with title and legend). */
export function plotFigure(spec: ChartSpec, columns: ColumnInfo[], rows: Row[], width: number, theme?: ChartTheme): Element {
	return Plot.plot(plotOptions(spec, columns, rows, width, theme));
}

function buildMark(mark: MarkSpec, index: number, data: Record<string, Value>[], names: Set<string>): Plot.Markish {
	const { type, transform, ...rest } = mark as MarkSpec & { transform?: Record<string, Record<string, unknown>> };
	const factory = MARKS[type];
	if (!factory) throw new Error(`invalid mark type "${type}" in marks[${index}]`);
	const options: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(rest)) {
		if (CHANNELS.has(key) && typeof value === 'string' && !names.has(value) && !CONSTANT_OK.has(key)) {
			throw new Error(`unknown column "${value}" in marks[${index}].${key} (columns: ${[...names].join(', ')})`);
		}
		options[key] = value;
	}
	if (transform?.bin) {
		const { thresholds, ...outputs } = transform.bin;
		const binned = Object.keys(outputs).length ? outputs : { y: 'count' };
		const bin = type.endsWith('X') ? Plot.binY : Plot.binX;
		return factory(data, bin(binned as Plot.BinOutputs, { ...options, thresholds } as Record<string, unknown>));
	}
	if (transform?.group) {
		const group = type.endsWith('X') ? Plot.groupY : Plot.groupX;
		const outputs = Object.keys(transform.group).length ? transform.group : { y: 'count' };
		return factory(data, group(outputs as Plot.GroupOutputs, options));
	}
	return factory(data, options);
}

function forDark(color: Plot.ScaleOptions | undefined): Plot.ScaleOptions | undefined {
	const scheme = typeof color?.scheme === 'string' ? color.scheme.toLowerCase() : null;
	return scheme && SINGLE_HUE.has(scheme) ? { ...color, reverse: !color!.reverse } : color;
}

function scale(spec: ScaleSpec | undefined): Plot.ScaleOptions | undefined {
	if (!spec) return undefined;
	const { percent, ...rest } = spec;
	return { ...rest, percent } as Plot.ScaleOptions;
}
