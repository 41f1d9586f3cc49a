import { describe, expect, it } from 'vitest';
import { validateChartSpec } from '../../../src/lib/notebook/chart-spec';

const errorOf = (value: unknown) => {
	const result = validateChartSpec(value);
	return result.ok ? null : result.error;
};
const withMark = (mark: Record<string, unknown>) => ({ data: 'daily', marks: [{ type: 'dot', ...mark }] });

describe('validateChartSpec', () => {
	it('accepts a spec using every top-level option', () => {
		const spec = {
			data: 'daily',
			title: 'Revenue',
			height: 300,
			width: 640,
			grid: true,
			marginLeft: 60,
			marginBottom: 0,
			x: { label: 'day', type: 'utc', tickFormat: '%b %d', grid: true },
			y: { label: null, zero: true, percent: false, domain: [0, 100], nice: true },
			color: { scheme: 'tableau10', legend: true, type: 'ordinal' },
			fx: { label: 'segment' },
			fy: { reverse: true, ticks: 5, tickRotate: -45 },
			marks: [{ type: 'lineY', x: 'day', y: 'revenue' }]
		};
		expect(validateChartSpec(spec)).toEqual({ ok: true, spec });
	});

	it('accepts channels as column names or numbers and the declarative mark options', () => {
		const mark = {
			type: 'barY', x: 'day', y: 'revenue', x1: 0, x2: 'end', y1: 1, y2: 'top', fill: 'steelblue', stroke: 'segment',
			r: 3, text: 'label', title: 'tooltip', z: 'group', fx: 'a', fy: 'b', fillOpacity: 0.5, strokeWidth: 2,
			opacity: 1, curve: 'monotone-x', sort: { x: '-y' }, tip: true, inset: 1, interval: 'week', fontSize: 12,
			textAnchor: 'start', dx: 4, dy: -4
		};
		expect(errorOf({ data: 'daily', marks: [mark] })).toBeNull();
		expect(errorOf(withMark({ sort: 'revenue' }))).toBeNull();
	});

	it('accepts the bin and group transforms', () => {
		expect(errorOf(withMark({ type: 'rectY', x: 'price', transform: { bin: { y: 'count', thresholds: 20 } } }))).toBeNull();
		expect(errorOf(withMark({ type: 'barY', x: 'brand', transform: { group: { y: 'sum' } } }))).toBeNull();
		expect(errorOf(withMark({ type: 'barY', x: 'brand', transform: { group: {} } }))).toBeNull();
	});

	it('rejects a spec that is not an object', () => {
		expect(errorOf([1])).toMatch(/^a chart spec must be a JSON object, e\.g\. /);
		expect(errorOf('daily')).toMatch(/^a chart spec must be a JSON object/);
	});

	it('requires data and marks', () => {
		expect(errorOf({ marks: [{ type: 'dot' }] })).toBe('missing "data" in chart spec');
		expect(errorOf({ data: 'daily' })).toBe('missing "marks" in chart spec');
		expect(errorOf({ data: 'daily', marks: [] })).toBe('invalid marks: expected a non-empty array of marks, got []');
	});

	it('requires data to name a cell', () => {
		expect(errorOf({ data: 'daily sales', marks: [{ type: 'dot' }] })).toBe('invalid data: expected the name of a cell, got "daily sales"');
	});

	it('rejects an unknown top-level option, listing the allowed ones', () => {
		expect(errorOf({ data: 'daily', marks: [{ type: 'dot' }], render: 'x' })).toBe(
			'invalid chart option "render" (allowed: data, marks, title, height, width, x, y, color, fx, fy, grid, marginLeft, marginBottom)'
		);
	});

	it('rejects an unknown mark type', () => {
		expect(errorOf(withMark({ type: 'pie' }))).toMatch(/^invalid marks\[0\]\.type: expected one of dot, line, lineY, .*, got "pie"$/);
		expect(errorOf({ data: 'daily', marks: [{ x: 'a' }] })).toMatch(/^invalid marks\[0\]: expected an object with a "type"/);
	});

	it('rejects an unknown mark option, naming the key, the mark and the allowed options', () => {
		expect(errorOf({ data: 'daily', marks: [{ type: 'dot' }, { type: 'dot', onclick: 'alert(1)' }] })).toBe(
			'invalid mark option "onclick" in marks[1] (allowed: type, x, y, x1, x2, y1, y2, fill, stroke, r, text, title, z, fx, fy, ' +
				'fillOpacity, strokeWidth, opacity, curve, sort, tip, inset, interval, fontSize, textAnchor, dx, dy, transform)'
		);
	});

	it('rejects functions and other non-declarative values', () => {
		expect(errorOf(withMark({ x: () => 1 }))).toBe('invalid marks[0].x: expected a column name or a number, got a function');
		expect(errorOf(withMark({ fill: { field: 'a' } }))).toBe('invalid marks[0].fill: expected a column name or a number, got {"field":"a"}');
		expect(errorOf(withMark({ tip: 'yes' }))).toBe('invalid marks[0].tip: expected true or false, got "yes"');
		expect(errorOf(withMark({ interval: 'fortnight' }))).toBe('invalid marks[0].interval: expected one of hour, day, week, month, got "fortnight"');
		expect(errorOf(withMark({ sort: { x: 'revenue' } }))).toMatch(/^invalid marks\[0\]\.sort: expected a column name or \{"x"\|"y"/);
		// A sort may keep the first n values of the domain, never be a limit alone.
		expect(errorOf(withMark({ sort: { y: '-x', limit: 20 } }))).toBeNull();
		expect(errorOf(withMark({ sort: { y: '-x', limit: 0 } }))).toMatch(/"limit"\?: a whole number > 0/);
		expect(errorOf(withMark({ sort: { limit: 5 } }))).toMatch(/^invalid marks\[0\]\.sort/);
		expect(errorOf({ data: 'daily', marks: [{ type: 'dot' }], height: -1 })).toBe('invalid height: expected a positive number, got -1');
	});

	it('rejects transforms that are not bin or group', () => {
		expect(errorOf(withMark({ transform: { map: { y: 'cumsum' } } }))).toBe(
			'invalid marks[0].transform: expected {"bin": {...}} or {"group": {...}}, got {"map":{"y":"cumsum"}}'
		);
		expect(errorOf(withMark({ transform: 'x => x' }))).toMatch(/^invalid marks\[0\]\.transform: expected \{"bin"/);
		expect(errorOf(withMark({ transform: { bin: { y: 'count', filter: 'x' } } }))).toBe(
			'invalid transform option "filter" in marks[0].transform.bin (allowed: x, y, fill, stroke, r, thresholds)'
		);
		expect(errorOf(withMark({ transform: { group: { y: 'eval' } } }))).toMatch(/^invalid marks\[0\]\.transform\.group\.y: expected one of count, sum/);
	});

	it('rejects an unknown scale option, naming the scale', () => {
		expect(errorOf({ data: 'daily', marks: [{ type: 'dot' }], x: { tickFormat: ',d', transform: 'log' } })).toBe(
			'invalid scale option "transform" in x (allowed: label, type, domain, tickFormat, ticks, tickRotate, scheme, legend, zero, percent, grid, reverse, nice)'
		);
		expect(errorOf({ data: 'daily', marks: [{ type: 'dot' }], y: { type: 'quantile' } })).toMatch(/^invalid y\.type: expected one of linear, log/);
	});
});
