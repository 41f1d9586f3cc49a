import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatNumber, formatValue } from '../../../src/lib/data/format-value';
import type { ColumnInfo } from '../../../src/lib/data/value';

const col = (name: string, type: string, kind: ColumnInfo['kind']): ColumnInfo => ({ name, type, kind });

describe('formatNumber', () => {
	it('groups integers by thousands, except ids', () => {
		expect(formatCount(1_099_604)).toBe('1,099,604');
		expect(formatNumber(109_373_150)).toBe('109,373,150');
		expect(formatNumber(-1234)).toBe('-1,234');
		expect(formatNumber(512_386_086, true)).toBe('512386086');
	});

	it('keeps fewer fraction digits the larger the number', () => {
		expect(formatNumber(1234.5678)).toBe('1,234.57');
		expect(formatNumber(3.14159)).toBe('3.142');
		expect(formatNumber(0.0123456)).toBe('0.0123');
		expect(formatNumber(-0.5)).toBe('-0.5');
	});

	it('prints what is not a finite number as it is', () => {
		expect(formatNumber(Number.NaN)).toBe('NaN');
		expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
	});
});

describe('formatValue', () => {
	it('formats by value and column: NULL, ids, dates, text', () => {
		expect(formatValue(null, col('x', 'INTEGER', 'number'))).toBe('NULL');
		expect(formatValue(1000, col('user_id', 'INTEGER', 'number'))).toBe('1000');
		expect(formatValue(1000, col('views', 'INTEGER', 'number'))).toBe('1,000');
		expect(formatValue('a<b>', col('brand', 'VARCHAR', 'string'))).toBe('a<b>');
		expect(formatDate(new Date('2019-10-01T00:00:03Z'), false)).toBe('2019-10-01 00:00:03');
		expect(formatDate(new Date('2019-10-01T00:00:03.250Z'), false)).toBe('2019-10-01 00:00:03.250');
		expect(formatDate(new Date('2019-10-01T00:00:00Z'), true)).toBe('2019-10-01');
	});
});
