import { describe, expect, it } from 'vitest';
import { rowJson, rowTsv, valueText } from '../../../src/lib/data/clipboard-text';
import { formatValue } from '../../../src/lib/data/format-value';
import type { ColumnInfo } from '../../../src/lib/data/value';
import { WasmTestClient } from '../support/wasm-client';

const col = (name: string, type: string, kind: ColumnInfo['kind']): ColumnInfo => ({ name, type, kind });

describe('clipboard text of result values', () => {
	it('copies numbers unformatted at full precision, where the table groups and rounds them', () => {
		const price = col('price', 'DOUBLE', 'number');
		expect(formatValue(1234567.891234, price)).toBe('1,234,567.89');
		expect(valueText(1234567.891234, price)).toBe('1234567.891234');
		expect(valueText(0.1 + 0.2, price)).toBe('0.30000000000000004');
		expect(valueText(NaN, price)).toBe('NaN');
	});

	it('copies dates and timestamps as ISO 8601, NULL as NULL, text and booleans as they are', () => {
		expect(valueText(new Date(Date.UTC(2019, 9, 1)), col('day', 'DATE', 'date'))).toBe('2019-10-01');
		expect(valueText(new Date(Date.UTC(2019, 9, 1, 0, 0, 3, 250)), col('t', 'TIMESTAMP', 'timestamp'))).toBe('2019-10-01T00:00:03.250Z');
		expect(valueText(null, col('x', 'VARCHAR', 'string'))).toBe('NULL');
		expect(valueText('<b>a\tb</b>', col('x', 'VARCHAR', 'string'))).toBe('<b>a\tb</b>');
		expect(valueText(false, col('x', 'BOOLEAN', 'boolean'))).toBe('false');
		expect(valueText([1, null, 3], col('l', 'INTEGER[]', 'nested'))).toBe('[1,null,3]');
	});

	it('copies a row as tab-separated fields, quoting fields that hold tabs, newlines or quotes', () => {
		const columns = [col('id', 'BIGINT', 'number'), col('note', 'VARCHAR', 'string'), col('gone', 'INTEGER', 'number'), col('t', 'TIMESTAMP', 'timestamp')];
		const row = [12, 'say "hi"\tthere', null, new Date(Date.UTC(2020, 0, 2, 3, 4, 5))];
		expect(rowTsv(row, columns)).toBe('12\t"say ""hi""\tthere"\t\t2020-01-02T03:04:05.000Z');
		expect(rowTsv(['plain', 'a\nb'], [col('a', 'VARCHAR', 'string'), col('b', 'VARCHAR', 'string')])).toBe('plain\t"a\nb"');
	});

	it('copies a row as a JSON object keyed by column name', () => {
		const columns = [col('user id', 'BIGINT', 'number'), col('day', 'DATE', 'date'), col('x', 'DOUBLE', 'number'), col('s', 'STRUCT', 'nested')];
		const row = ['9007199254740993', new Date(Date.UTC(2019, 10, 30)), Infinity, { a: 1, b: null }];
		expect(JSON.parse(rowJson(row, columns))).toEqual({ 'user id': '9007199254740993', day: '2019-11-30', x: 'Infinity', s: { a: 1, b: null } });
	});

	it('keeps HUGEINT, UBIGINT and DECIMAL values from the real engine exact', async () => {
		const db = await WasmTestClient.open();
		try {
			const result = await db.query(
				`SELECT 170141183460469231731687303715884105727::HUGEINT AS h, 18446744073709551615::UBIGINT AS u, 12345678901234567890.12::DECIMAL(38,2) AS d, 0.125::DECIMAL(18,3) AS small, TIMESTAMP '2019-10-01 12:34:56.789' AS t`
			);
			const [row] = result.rows;
			expect(result.columns.map((c, i) => valueText(row[i], c))).toEqual([
				'170141183460469231731687303715884105727',
				'18446744073709551615',
				'12345678901234567890.12',
				'0.125',
				'2019-10-01T12:34:56.789Z'
			]);
			expect(rowTsv(row, result.columns)).toBe('170141183460469231731687303715884105727\t18446744073709551615\t12345678901234567890.12\t0.125\t2019-10-01T12:34:56.789Z');
		} finally {
			db.close();
		}
	});
});
