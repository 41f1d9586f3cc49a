import { describe, expect, it } from 'vitest';
import { isOutputSnapshot, type OutputSnapshot } from '../../../src/lib/runtime/output-snapshot';
import { snapshotFromJson, snapshotToJson } from '../../../src/lib/runtime/snapshot-json';

const snapshot: OutputSnapshot = {
	version: 1,
	epoch: 'sample:2026-12-07 08:53:26.277',
	outputs: [
		[
			'f1',
			{
				kind: 'table',
				schema: 'nb',
				table: 'daily',
				columns: [
					{ name: 'day', type: 'DATE', kind: 'date' },
					{ name: 'ratio', type: 'DOUBLE', kind: 'number' },
					{ name: 'info', type: 'STRUCT', kind: 'nested' }
				],
				rowCount: 4,
				preview: [
					[new Date('2019-10-01T00:00:00Z'), 0.25, { first: new Date('2019-10-01T10:11:12.345Z'), n: -0 }],
					[new Date(NaN), NaN, null],
					[null, Infinity, { '\u0000cin': 'not a tag', v: 'kept' } as never],
					[new Date('2019-11-30T23:59:59Z'), -Infinity, ['a', 1, true, null]]
				],
				cached: false
			}
		],
		['f2', { kind: 'input', spec: { type: 'number', value: 3 } as never }]
	]
};

describe('snapshot JSON', () => {
	it('gives back Dates, NaN and infinities where JSON alone would give strings and nulls', () => {
		const back = snapshotFromJson(snapshotToJson(snapshot));
		expect(isOutputSnapshot(back)).toBe(true);
		const [, output] = (back as OutputSnapshot).outputs[0];
		if (output.kind !== 'table') throw new Error('expected a table output');
		expect(output.preview[0][0]).toBeInstanceOf(Date);
		expect((output.preview[0][0] as Date).toISOString()).toBe('2019-10-01T00:00:00.000Z');
		expect(((output.preview[0][2] as { first: Date }).first as Date).toISOString()).toBe('2019-10-01T10:11:12.345Z');
		expect(Number.isNaN((output.preview[1][0] as Date).getTime())).toBe(true);
		expect(output.preview[1][1]).toBeNaN();
		expect(output.preview[2][1]).toBe(Infinity);
		expect(output.preview[3][1]).toBe(-Infinity);
		expect(back).toEqual(snapshot);
	});

	it('reads plain JSON as it is, and refuses BigInt values instead of writing them wrong', () => {
		expect(snapshotFromJson('{"a":[1,"x",null,{"b":true}]}')).toEqual({ a: [1, 'x', null, { b: true }] });
		const big = { ...snapshot, outputs: [['f', { kind: 'rows', columns: [], rows: [[1n as never]], rowCount: 1 }]] } as OutputSnapshot;
		expect(() => snapshotToJson(big)).toThrow(/BigInt/);
	});
});
