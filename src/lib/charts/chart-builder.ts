// The chart builder's fields over a chart cell's spec text, both ways. The spec stays the one
// source of truth: the builder reads its fields from the text and writes a change back as text,
// touching only the key it changes. It edits the first mark and the chart's data and title;
// everything else (more marks, options it has no field for) is kept exactly as written.
import { isPlainObject, MARK_TYPES } from '../notebook/chart-spec';
import { chartSpecText } from '../notebook/chart-spec-text';

/** The mark channels the builder sets; `color` is the mark's fill or stroke (see colourKey). */
export const CHANNEL_FIELDS = ['x', 'y', 'color', 'fx', 'fy'] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];
export type BuilderField = 'data' | 'mark' | 'title' | ChannelField;

/** A channel's value as written: a column name, a constant, an input's `$name`; null when unset. */
export type ChannelValue = string | number | null;

export interface BuilderFields {
	data: string;
	/** The first mark's type as written ('' when the chart has no mark yet). */
	mark: string;
	title: string;
	x: ChannelValue;
	y: ChannelValue;
	color: ChannelValue;
	fx: ChannelValue;
	fy: ChannelValue;
}

export interface BuilderView {
	fields: BuilderFields;
	/** How many marks the spec has; the builder edits the first. */
	markCount: number;
	/** Options of the first mark the builder has no field for, kept as written. */
	keptMarkOptions: string[];
	/** Chart options the builder has no field for, kept as written. */
	keptChartOptions: string[];
}

export type BuilderRead = { ok: true; view: BuilderView } | { ok: false; reason: string };
export type BuilderWrite = { ok: true; source: string } | { ok: false; reason: string };

// Marks that are areas take their colour as fill; lines, rules, ticks and dots as stroke (Plot's
// own defaults: a dot is an outline unless filled).
const FILLED = new Set(['barY', 'barX', 'rectY', 'rectX', 'cell', 'areaY', 'text']);
const naturalColour = (type: unknown): 'fill' | 'stroke' => (typeof type === 'string' && FILLED.has(type) ? 'fill' : 'stroke');

/** The key holding the builder's colour: the mark's own colour channel, or the other one if only that is set. */
function colourKey(mark: Record<string, unknown>): 'fill' | 'stroke' {
	const natural = naturalColour(mark.type);
	const other = natural === 'fill' ? 'stroke' : 'fill';
	return !(natural in mark) && other in mark ? other : natural;
}

// Where a new key goes, so a spec written by the builder reads like one written by hand.
const MARK_KEY_ORDER = ['type', 'x', 'y', 'fill', 'stroke', 'fx', 'fy'];
const CHART_KEY_ORDER = ['data', 'title'];
const DEFAULT_MARK = 'dot';

type Spec = Record<string, unknown> & { marks?: Record<string, unknown>[] };

function parse(source: string): { ok: true; spec: Spec } | { ok: false; reason: string } {
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch {
		return { ok: false, reason: 'The spec is not valid JSON: fix it under Spec, then the builder can edit it.' };
	}
	if (!isPlainObject(value)) return { ok: false, reason: 'The spec is not a JSON object: fix it under Spec, then the builder can edit it.' };
	if ('marks' in value && !(Array.isArray(value.marks) && value.marks.every(isPlainObject))) {
		return { ok: false, reason: '"marks" is not a list of mark objects: fix it under Spec, then the builder can edit it.' };
	}
	return { ok: true, spec: value as Spec };
}

const channelValue = (value: unknown): ChannelValue => (typeof value === 'string' || typeof value === 'number' ? value : null);

/** The builder's fields as the spec text has them, and what it keeps without a field. */
export function readBuilder(source: string): BuilderRead {
	const parsed = parse(source);
	if (!parsed.ok) return parsed;
	const { spec } = parsed;
	const marks = spec.marks ?? [];
	const first = marks[0] ?? {};
	const colour = colourKey(first);
	const shownMarkKeys = new Set(['type', 'x', 'y', colour, 'fx', 'fy']);
	return {
		ok: true,
		view: {
			fields: {
				data: typeof spec.data === 'string' ? spec.data : '',
				mark: typeof first.type === 'string' ? first.type : '',
				title: typeof spec.title === 'string' ? spec.title : '',
				x: channelValue(first.x),
				y: channelValue(first.y),
				color: channelValue(first[colour]),
				fx: channelValue(first.fx),
				fy: channelValue(first.fy)
			},
			markCount: marks.length,
			keptMarkOptions: Object.keys(first).filter((k) => !shownMarkKeys.has(k)),
			keptChartOptions: Object.keys(spec).filter((k) => !['data', 'title', 'marks'].includes(k))
		}
	};
}

/** A value as a field holds it: '' and null both mean "unset". */
const unset = (value: ChannelValue | string) => value === null || value === '';

/**
 * The spec text with one field changed; the text as it was when the field already has that
 * value. A changed spec is written in the notebook's chart style (chartSpecText).
 */
export function applyField(source: string, field: BuilderField, value: ChannelValue): BuilderWrite {
	const parsed = parse(source);
	if (!parsed.ok) return parsed;
	const read = readBuilder(source);
	if (read.ok && same(read.view.fields[field], value)) return { ok: true, source };
	let spec: Spec = parsed.spec;
	if (field === 'data' || field === 'title') {
		if (value !== null && typeof value !== 'string') return { ok: false, reason: `${field} must be text, got ${JSON.stringify(value)}` };
		spec = unset(value) ? without(spec, field) : withKey(spec, field, value, CHART_KEY_ORDER);
	} else {
		const marks = [...(spec.marks ?? [])];
		let mark: Record<string, unknown> = marks[0] ?? { type: DEFAULT_MARK };
		if (field === 'mark') {
			if (typeof value !== 'string' || !(MARK_TYPES as readonly string[]).includes(value)) {
				return { ok: false, reason: `unknown mark type ${JSON.stringify(value)} (one of ${MARK_TYPES.join(', ')})` };
			}
			// The colour follows the mark: a line's stroke becomes a bar's fill, and back.
			const from = colourKey(mark);
			const to = naturalColour(value);
			if (from === naturalColour(mark.type) && from !== to && from in mark && !(to in mark)) mark = renameKey(mark, from, to);
			mark = withKey(mark, 'type', value, MARK_KEY_ORDER);
		} else {
			const key = field === 'color' ? colourKey(mark) : field;
			mark = unset(value) ? without(mark, key) : withKey(mark, key, value, MARK_KEY_ORDER);
		}
		if (marks.length === 0) marks.push(mark);
		else marks[0] = mark;
		spec = withKey(spec, 'marks', marks, [...CHART_KEY_ORDER, 'marks']);
	}
	return { ok: true, source: chartSpecText(spec) };
}

function same(current: ChannelValue | string, next: ChannelValue): boolean {
	return current === next || (unset(current) && unset(next));
}

/** `obj` with `key` set: in place if present, else after the keys that come before it in `order`. */
function withKey<T extends Record<string, unknown>>(obj: T, key: string, value: unknown, order: readonly string[]): T {
	if (key in obj) return { ...obj, [key]: value };
	const rank = order.indexOf(key);
	const entries = Object.entries(obj);
	let at = 0;
	if (rank < 0) at = entries.length;
	else entries.forEach(([k], i) => {
		const r = order.indexOf(k);
		if (r >= 0 && r < rank) at = i + 1;
	});
	entries.splice(at, 0, [key, value]);
	return Object.fromEntries(entries) as T;
}

function without<T extends Record<string, unknown>>(obj: T, key: string): T {
	const { [key]: _, ...rest } = obj;
	return rest as T;
}

function renameKey(obj: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
	return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));
}

/** What a channel's value is, against the columns of the chart's data (null: not known yet). */
export type ValueKind = 'column' | 'missing' | 'constant' | 'input' | 'unknown';

export function valueKind(field: ChannelField, value: ChannelValue, columns: readonly string[] | null): ValueKind {
	if (typeof value === 'number') return 'constant';
	if (value === null || value === '') return 'unknown';
	// An input's value, not a column: kept as written.
	if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return 'input';
	if (columns === null) return 'unknown';
	if (columns.includes(value)) return 'column';
	// Plot draws a fill or stroke that names no column as a constant colour ("steelblue").
	return field === 'color' ? 'constant' : 'missing';
}

/** One sentence per field the data does not have: the chart would fail to draw it. */
export function fieldProblems(
	fields: BuilderFields,
	columns: readonly string[] | null,
	tables: readonly string[] | null
): Partial<Record<BuilderField, string>> {
	const problems: Partial<Record<BuilderField, string>> = {};
	if (fields.data === '') problems.data = 'Choose the cell or table to plot.';
	else if (tables !== null && !tables.some((t) => t.toLowerCase() === fields.data.toLowerCase())) {
		problems.data = `No cell or table is named ${fields.data}.`;
	}
	for (const field of CHANNEL_FIELDS) {
		const value = fields[field];
		if (valueKind(field, value, columns) === 'missing') {
			problems[field] = `${JSON.stringify(value)} is not a column of ${fields.data} (${columns!.join(', ')}).`;
		}
	}
	if (fields.mark !== '' && !(MARK_TYPES as readonly string[]).includes(fields.mark)) {
		problems.mark = `Unknown mark type ${JSON.stringify(fields.mark)}: choose one of the list.`;
	}
	return problems;
}

const SCALES = new Set(['x', 'y', 'color', 'fx', 'fy']);

/** What the builder tells the user it leaves alone, or null when it shows the whole spec. */
export function keptNote(view: BuilderView): string | null {
	const parts: string[] = [];
	if (view.markCount > 1) parts.push(`This chart has ${view.markCount} marks: the builder edits the first; the others are kept as written.`);
	const kept = [
		...view.keptMarkOptions.map((k) => `${k} (first mark)`),
		...view.keptChartOptions.map((k) => (SCALES.has(k) ? `${k} scale` : k))
	];
	if (kept.length > 0) parts.push(`Kept as written, edit under Spec: ${kept.join(', ')}.`);
	return parts.length > 0 ? parts.join(' ') : null;
}
