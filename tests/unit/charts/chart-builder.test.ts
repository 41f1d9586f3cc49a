import { describe, expect, it } from 'vitest';
import { applyField, fieldProblems, keptNote, readBuilder, valueKind, type BuilderField, type ChannelValue } from '../../../src/lib/charts/chart-builder';
import { chartSpecText } from '../../../src/lib/notebook/chart-spec-text';
import { validateChartSpec } from '../../../src/lib/notebook/chart-spec';

const text = (spec: Record<string, unknown>) => chartSpecText(spec);
const single = text({ data: 'daily', title: 'Daily active users', height: 200, y: { grid: true }, marks: [{ type: 'lineY', x: 'day', y: 'dau', stroke: 'steelblue', tip: true }] });
const multi = text({
	data: 'daily',
	marks: [
		{ type: 'areaY', x: 'day', y: 'revenue', fill: 'steelblue', fillOpacity: 0.15 },
		{ type: 'lineY', x: 'day', y: 'revenue_dedup', stroke: 'darkorange' }
	]
});

function view(source: string) {
	const read = readBuilder(source);
	if (!read.ok) throw new Error(read.reason);
	return read.view;
}

function apply(source: string, field: BuilderField, value: ChannelValue): string {
	const written = applyField(source, field, value);
	if (!written.ok) throw new Error(written.reason);
	return written.source;
}

describe('readBuilder', () => {
	it('reads data, title and the first mark’s type and channels, the colour from its stroke or fill', () => {
		expect(view(single).fields).toEqual({ data: 'daily', mark: 'lineY', title: 'Daily active users', x: 'day', y: 'dau', color: 'steelblue', fx: null, fy: null });
		expect(view(multi).fields).toMatchObject({ mark: 'areaY', y: 'revenue', color: 'steelblue' });
	});

	it('lists what it has no field for, and says the other marks are kept', () => {
		const v = view(single);
		expect(v.keptMarkOptions).toEqual(['tip']);
		expect(v.keptChartOptions).toEqual(['height', 'y']);
		expect(keptNote(v)).toBe('Kept as written, edit under Spec: tip (first mark), height, y scale.');
		expect(keptNote(view(multi))).toMatch(/^This chart has 2 marks: the builder edits the first; the others are kept as written\. .*fillOpacity \(first mark\)/);
		expect(keptNote(view(text({ data: 'd', marks: [{ type: 'dot', x: 'a' }] })))).toBeNull();
	});

	it('refuses text it cannot edit without losing it, saying what to fix', () => {
		expect(readBuilder('{"data": "daily", "marks": [')).toEqual({ ok: false, reason: expect.stringContaining('not valid JSON') });
		expect(readBuilder('[1, 2]')).toEqual({ ok: false, reason: expect.stringContaining('not a JSON object') });
		expect(readBuilder('{"data": "d", "marks": "lineY"}')).toEqual({ ok: false, reason: expect.stringContaining('"marks" is not a list') });
		expect(applyField('{"data": "d", "marks": "lineY"}', 'mark', 'barY').ok).toBe(false);
	});
});

describe('applyField', () => {
	it('writes a changed field and reads it back, for every field', () => {
		const changes: [BuilderField, ChannelValue][] = [
			['data', 'hourly'], ['title', 'Users per day'], ['mark', 'barY'], ['x', 'week'], ['y', 'users'],
			['color', 'segment'], ['fx', 'month'], ['fy', 'device']
		];
		for (const [field, value] of changes) {
			const written = apply(single, field, value);
			expect(view(written).fields[field], field).toEqual(value);
			// Every other field is as it was.
			const { [field]: _changed, ...others } = view(written).fields;
			const { [field]: _before, ...othersBefore } = view(single).fields;
			expect(others, field).toEqual(othersBefore);
		}
	});

	it('leaves the text as it was when a field is set to the value it has', () => {
		const handWritten = '{"data":"daily","marks":[{"type":"lineY","x":"day","y":"dau"}]}';
		expect(apply(handWritten, 'y', 'dau')).toBe(handWritten);
		expect(apply(handWritten, 'fx', null)).toBe(handWritten);
		expect(apply(handWritten, 'title', '')).toBe(handWritten);
	});

	it('keeps every option it has no field for, other marks and $input references untouched', () => {
		const spec = {
			data: 'daily',
			title: 'Revenue',
			height: 240,
			x: { label: null },
			y: { label: 'revenue', grid: true, tickFormat: '$~s', domain: [0, 100] },
			marks: [
				{ type: 'lineY', x: 'day', y: '$metric', stroke: 'steelblue', tip: true, curve: 'step', sort: { x: '-y', limit: 20 } },
				{ type: 'ruleY', y: 0 },
				{ type: 'text', x: 'day', y: 'revenue', text: '$label', transform: { group: { y: 'sum' } } }
			]
		};
		const written = JSON.parse(apply(text(spec), 'x', 'week'));
		expect(written).toEqual({ ...spec, marks: [{ ...spec.marks[0], x: 'week' }, spec.marks[1], spec.marks[2]] });
		expect(view(text(spec)).fields.y).toBe('$metric');
		expect(JSON.parse(apply(text(spec), 'mark', 'dot')).marks[0].y).toBe('$metric');
	});

	it('writes the notebook’s chart style: one key a line, one mark a line, new keys where a person would put them', () => {
		const written = apply('{"marks":[{"y":"dau","type":"lineY"}],"data":"daily"}', 'x', 'day');
		expect(written).toBe('{\n  "marks": [\n    { "y": "dau", "type": "lineY", "x": "day" }\n  ],\n  "data": "daily"\n}');
		const titled = apply(text({ data: 'daily', marks: [{ type: 'lineY', y: 'dau' }] }), 'title', 'DAU');
		expect(Object.keys(JSON.parse(titled))).toEqual(['data', 'title', 'marks']);
		expect(Object.keys(JSON.parse(apply(titled, 'x', 'day')).marks[0])).toEqual(['type', 'x', 'y']);
	});

	it('removes a channel or the title when the field is emptied', () => {
		expect(JSON.parse(apply(single, 'color', null)).marks[0]).toEqual({ type: 'lineY', x: 'day', y: 'dau', tip: true });
		expect(JSON.parse(apply(single, 'title', ''))).not.toHaveProperty('title');
	});

	it('moves the colour with the mark: a line’s stroke becomes a bar’s fill and back', () => {
		const bar = apply(single, 'mark', 'barY');
		expect(JSON.parse(bar).marks[0]).toEqual({ type: 'barY', x: 'day', y: 'dau', fill: 'steelblue', tip: true });
		expect(JSON.parse(apply(bar, 'mark', 'lineY')).marks[0]).toEqual({ type: 'lineY', x: 'day', y: 'dau', stroke: 'steelblue', tip: true });
		// A dot filled by a column keeps its fill on any mark; a mark with both keeps both.
		const dot = text({ data: 'd', marks: [{ type: 'dot', x: 'a', fill: 'segment' }] });
		expect(view(dot).fields.color).toBe('segment');
		expect(JSON.parse(apply(dot, 'mark', 'lineY')).marks[0]).toEqual({ type: 'lineY', x: 'a', fill: 'segment' });
		const both = text({ data: 'd', marks: [{ type: 'barY', x: 'a', fill: 'segment', stroke: 'black' }] });
		expect(JSON.parse(apply(both, 'mark', 'lineY')).marks[0]).toEqual({ type: 'lineY', x: 'a', fill: 'segment', stroke: 'black' });
		expect(view(both).keptMarkOptions).toEqual(['stroke']);
	});

	it('edits only the first of several marks', () => {
		const written = JSON.parse(apply(multi, 'y', 'revenue_dedup'));
		expect(written.marks[0]).toEqual({ type: 'areaY', x: 'day', y: 'revenue_dedup', fill: 'steelblue', fillOpacity: 0.15 });
		expect(written.marks[1]).toEqual(JSON.parse(multi).marks[1]);
	});

	it('starts a mark when the spec has none, and the result is a valid spec', () => {
		const empty = '{"data": "daily"}';
		const withY = apply(empty, 'y', 'dau');
		expect(JSON.parse(withY).marks).toEqual([{ type: 'dot', y: 'dau' }]);
		expect(validateChartSpec(JSON.parse(apply(withY, 'mark', 'barY')))).toMatchObject({ ok: true });
	});

	it('refuses a mark type the charts do not draw', () => {
		expect(applyField(single, 'mark', 'pie')).toEqual({ ok: false, reason: expect.stringContaining('unknown mark type "pie"') });
	});

	it('round-trips: what it writes is a valid chart spec whose fields read back as written', () => {
		let source = single;
		for (const [field, value] of [['mark', 'rectY'], ['y', 'users'], ['fx', 'month'], ['color', 'segment'], ['mark', 'dot'], ['fx', null]] as const) {
			source = apply(source, field, value);
			expect(validateChartSpec(JSON.parse(source))).toMatchObject({ ok: true });
		}
		expect(view(source).fields).toEqual({ data: 'daily', mark: 'dot', title: 'Daily active users', x: 'day', y: 'users', color: 'segment', fx: null, fy: null });
		expect(JSON.parse(source).marks[0]).toEqual({ type: 'dot', x: 'day', y: 'users', stroke: 'segment', tip: true });
	});
});

describe('fieldProblems', () => {
	const columns = ['day', 'dau', 'revenue'];
	it('flags channels that name no column of the data, and data that names no table', () => {
		const fields = { ...view(single).fields, y: 'users', fx: 'month' };
		expect(fieldProblems(fields, columns, ['daily', 'hourly'])).toEqual({
			y: '"users" is not a column of daily (day, dau, revenue).',
			fx: '"month" is not a column of daily (day, dau, revenue).'
		});
		expect(fieldProblems({ ...fields, data: 'dayly' }, null, ['daily'])).toEqual({ data: 'No cell or table is named dayly.' });
	});

	it('does not flag a constant colour, a number, an input reference, or columns not known yet', () => {
		expect(valueKind('color', 'steelblue', columns)).toBe('constant');
		expect(valueKind('y', 0, columns)).toBe('constant');
		expect(valueKind('y', '$metric', columns)).toBe('input');
		expect(valueKind('y', 'users', null)).toBe('unknown');
		expect(valueKind('y', 'dau', columns)).toBe('column');
		expect(fieldProblems(view(single).fields, columns, ['daily'])).toEqual({});
	});
});
