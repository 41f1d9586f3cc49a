import { isValidCellName } from './cell';

/** A declarative Observable Plot specification over a cell's result; never JavaScript. */
export interface ChartSpec {
	/** The name of the cell whose rows are plotted. */
	data: string;
	marks: MarkSpec[];
	title?: string;
	height?: number;
	width?: number;
	x?: ScaleSpec;
	y?: ScaleSpec;
	color?: ScaleSpec;
	fx?: ScaleSpec;
	fy?: ScaleSpec;
	grid?: boolean;
	marginLeft?: number;
	marginBottom?: number;
}

export interface MarkSpec {
	type: MarkType;
	[channelOrOption: string]: unknown;
}

export type MarkType =
	| 'dot' | 'line' | 'lineY' | 'lineX' | 'barY' | 'barX' | 'rectY' | 'rectX' | 'cell'
	| 'areaY' | 'ruleY' | 'ruleX' | 'text' | 'tickX' | 'tickY';

export interface ScaleSpec {
	/** null hides the axis label. */
	label?: string | null;
	type?: 'linear' | 'log' | 'sqrt' | 'time' | 'utc' | 'band' | 'point' | 'ordinal';
	domain?: unknown[];
	tickFormat?: string;
	ticks?: number;
	tickRotate?: number;
	scheme?: string;
	legend?: boolean;
	zero?: boolean;
	percent?: boolean;
	grid?: boolean;
	reverse?: boolean;
	nice?: boolean;
}

export const MARK_TYPES: readonly MarkType[] = [
	'dot', 'line', 'lineY', 'lineX', 'barY', 'barX', 'rectY', 'rectX', 'cell',
	'areaY', 'ruleY', 'ruleX', 'text', 'tickX', 'tickY'
];

/** Returns an error message, or null when the value is acceptable. */
type Check = (value: unknown, path: string) => string | null;

const expect = (test: (v: unknown) => boolean, expected: string): Check =>
	(value, path) => (test(value) ? null : `invalid ${path}: expected ${expected}, got ${show(value)}`);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const oneOf = (values: readonly string[]) => expect((v) => isString(v) && values.includes(v), `one of ${values.join(', ')}`);

const number = expect(isNumber, 'a number');
const positive = expect((v) => isNumber(v) && v > 0, 'a positive number');
const nonNegative = expect((v) => isNumber(v) && v >= 0, 'a number ≥ 0');
const boolean = expect((v) => typeof v === 'boolean', 'true or false');
const string = expect(isString, 'a string');
/** A string is a column name (the renderer decides); a number is a constant. */
const channel = expect((v) => (isString(v) && v !== '') || isNumber(v), 'a column name or a number');
const SORT_ORDERS = ['x', '-x', 'y', '-y'];
// A mark's sort orders a scale's domain by another channel; `limit` keeps the first n values
// (the top 20 of a long ranking), as Plot's sort option does.
const sort: Check = (value, path) =>
	(isString(value) && value !== '') ||
	(isPlainObject(value) && Object.keys(value).some((k) => k !== 'limit') &&
		Object.entries(value).every(([k, v]) =>
			k === 'limit' ? Number.isInteger(v) && (v as number) > 0 : (k === 'x' || k === 'y') && SORT_ORDERS.includes(v as string)))
		? null
		: `invalid ${path}: expected a column name or {"x"|"y": "x"|"-x"|"y"|"-y", "limit"?: a whole number > 0}, got ${show(value)}`;

const CURVES = [
	'auto', 'linear', 'linear-closed', 'step', 'step-after', 'step-before', 'basis', 'basis-open', 'basis-closed',
	'bump-x', 'bump-y', 'bundle', 'cardinal', 'cardinal-open', 'cardinal-closed', 'catmull-rom',
	'catmull-rom-open', 'catmull-rom-closed', 'monotone-x', 'monotone-y', 'natural'
];
const REDUCERS = [
	'count', 'sum', 'mean', 'median', 'min', 'max', 'proportion', 'distinct', 'mode', 'first', 'last', 'deviation', 'variance'
];

const reducer = oneOf(REDUCERS);
/**
 * Declarative transforms, as Plot's binX/groupX (binY/groupY for …X marks) over the mark's own
 * channels: {"bin": {"y": "count", "thresholds": 20}}, {"group": {"y": "sum"}}; the keys name the
 * output channels, the values their reducers; empty means {"y": "count"}.
 */
const TRANSFORM_OPTIONS: Record<string, Record<string, Check>> = {
	bin: { x: reducer, y: reducer, fill: reducer, stroke: reducer, r: reducer, thresholds: positive },
	group: { x: reducer, y: reducer, fill: reducer, stroke: reducer, r: reducer }
};

const transform: Check = (value, path) => {
	const kinds = Object.keys(TRANSFORM_OPTIONS);
	if (!isPlainObject(value) || Object.keys(value).length !== 1 || !kinds.includes(Object.keys(value)[0])) {
		return `invalid ${path}: expected {"bin": {...}} or {"group": {...}}, got ${show(value)}`;
	}
	const [kind, options] = Object.entries(value)[0];
	const where = `${path}.${kind}`;
	if (!isPlainObject(options)) return `invalid ${where}: expected an object of outputs such as {"y": "count"}, got ${show(options)}`;
	return checkObject(options, TRANSFORM_OPTIONS[kind], (key, allowed) => `invalid transform option "${key}" in ${where} (allowed: ${allowed})`, where);
};

/** Every option a mark may carry, in one place. */
const MARK_OPTIONS: Record<string, Check> = {
	type: oneOf(MARK_TYPES),
	x: channel, y: channel, x1: channel, x2: channel, y1: channel, y2: channel,
	fill: channel, stroke: channel, r: channel, text: channel, title: channel, z: channel, fx: channel, fy: channel,
	fillOpacity: number, strokeWidth: number, opacity: number,
	curve: oneOf(CURVES),
	sort,
	tip: boolean,
	inset: number,
	interval: oneOf(['hour', 'day', 'week', 'month']),
	fontSize: number,
	textAnchor: oneOf(['start', 'middle', 'end']),
	dx: number, dy: number,
	transform
};

const SCALE_OPTIONS: Record<string, Check> = {
	label: expect((v) => v === null || isString(v), 'a string or null'),
	type: oneOf(['linear', 'log', 'sqrt', 'time', 'utc', 'band', 'point', 'ordinal']),
	domain: expect((v) => Array.isArray(v) && v.every((d) => isString(d) || isNumber(d) || typeof d === 'boolean'), 'an array of strings or numbers'),
	tickFormat: string,
	ticks: positive,
	tickRotate: number,
	scheme: string,
	legend: boolean,
	zero: boolean,
	percent: boolean,
	grid: boolean,
	reverse: boolean,
	nice: boolean
};

const scale: Check = (value, path) =>
	isPlainObject(value)
		? checkObject(value, SCALE_OPTIONS, (key, allowed) => `invalid scale option "${key}" in ${path} (allowed: ${allowed})`, path)
		: `invalid ${path}: expected an object of scale options, got ${show(value)}`;

const marks: Check = (value, path) => {
	if (!Array.isArray(value) || value.length === 0) return `invalid ${path}: expected a non-empty array of marks, got ${show(value)}`;
	for (const [i, mark] of value.entries()) {
		const where = `${path}[${i}]`;
		if (!isPlainObject(mark) || !('type' in mark)) return `invalid ${where}: expected an object with a "type" (one of ${MARK_TYPES.join(', ')})`;
		const error = checkObject(mark, MARK_OPTIONS, (key, allowed) => `invalid mark option "${key}" in ${where} (allowed: ${allowed})`, where);
		if (error) return error;
	}
	return null;
};

const CHART_OPTIONS: Record<string, Check> = {
	data: expect((v) => isString(v) && isValidCellName(v), 'the name of a cell'),
	marks,
	title: string,
	height: positive,
	width: positive,
	x: scale, y: scale, color: scale, fx: scale, fy: scale,
	grid: boolean,
	marginLeft: nonNegative,
	marginBottom: nonNegative
};

export function validateChartSpec(value: unknown): { ok: true; spec: ChartSpec } | { ok: false; error: string } {
	if (!isPlainObject(value)) {
		return { ok: false, error: 'a chart spec must be a JSON object, e.g. {"data": "daily", "marks": [{"type": "lineY", "x": "day", "y": "revenue"}]}' };
	}
	for (const required of ['data', 'marks']) {
		if (!(required in value)) return { ok: false, error: `missing "${required}" in chart spec` };
	}
	const error = checkObject(value, CHART_OPTIONS, (key, allowed) => `invalid chart option "${key}" (allowed: ${allowed})`, '');
	return error === null ? { ok: true, spec: value as unknown as ChartSpec } : { ok: false, error };
}

function checkObject(
	value: Record<string, unknown>,
	options: Record<string, Check>,
	unknown: (key: string, allowed: string) => string,
	path: string
): string | null {
	for (const [key, v] of Object.entries(value)) {
		const check = Object.hasOwn(options, key) ? options[key] : undefined;
		if (check === undefined) return unknown(key, Object.keys(options).join(', '));
		const error = check(v, path === '' ? key : `${path}.${key}`);
		if (error) return error;
	}
	return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function show(value: unknown): string {
	if (typeof value === 'function') return 'a function';
	const json = JSON.stringify(value);
	return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
