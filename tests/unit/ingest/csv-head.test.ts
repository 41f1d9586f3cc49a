import { describe, expect, it } from 'vitest';
import { checkCsvHead, splitLine } from '../../../src/lib/ingest/csv-head';

const HEADER = 'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session';
const ROW = '2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c';

describe('checkCsvHead', () => {
	it('accepts the original export and maps every column to itself', () => {
		const check = checkCsvHead('2019-Oct.csv', `${HEADER}\n${ROW}\n`);
		expect(check.ok).toBe(true);
		if (!check.ok) return;
		expect(check.layout.delimiter).toBe(',');
		expect(check.layout.sources.event_time).toBe('event_time');
		expect(check.layout.timestampFormat).toBe('%Y-%m-%d %H:%M:%S UTC');
		expect(check.notes).toEqual([]);
	});

	it('reads a semicolon-separated file that way and says so', () => {
		const check = checkCsvHead('semi.csv', `${HEADER.replaceAll(',', ';')}\n${ROW.replaceAll(',', ';')}`);
		expect(check.ok && check.layout.delimiter).toBe(';');
		expect(check.ok && check.notes[0]).toMatch(/separated by semicolons/);
	});

	it('names each missing column and offers a mapping with likely matches pre-selected', () => {
		const check = checkCsvHead('renamed.csv', `${HEADER.replace('event_time', 'timestamp').replace('user_session', 'session')}\n${ROW}`);
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.error).toMatch(/missing the columns event_time, user_session/);
		expect(check.offer?.suggested).toEqual({ event_time: 'timestamp', user_session: 'session' });
	});

	it('uses a confirmed mapping', () => {
		const head = `${HEADER.replace('event_time', 'timestamp')}\n${ROW}`;
		const check = checkCsvHead('renamed.csv', head, { event_time: 'timestamp' });
		expect(check.ok && check.layout.sources.event_time).toBe('timestamp');
	});

	it('reports a missing column without an offer when nothing could map to it', () => {
		const check = checkCsvHead('short.csv', `${HEADER.replace(',user_session', '')}\n${ROW}`);
		expect(check.ok).toBe(false);
		if (!check.ok) {
			expect(check.error).toMatch(/missing the column user_session\. /);
			expect(check.offer).toBeUndefined();
		}
	});

	it('refuses a binary file, an empty one, a header without rows and a single-column text', () => {
		expect(checkCsvHead('x.png', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR')).toMatchObject({ ok: false, error: expect.stringMatching(/not a text file/) });
		expect(checkCsvHead('empty.csv', '')).toMatchObject({ ok: false, error: expect.stringMatching(/empty \(0 bytes\)/) });
		expect(checkCsvHead('h.csv', `${HEADER}\n`)).toMatchObject({ ok: false, error: expect.stringMatching(/header but no rows/) });
		expect(checkCsvHead('notes.txt', 'Dear diary\nToday I bought a phone')).toMatchObject({
			ok: false,
			error: expect.stringMatching(/does not look like a CSV event log/)
		});
	});

	it('names an unreadable event_time format with an example', () => {
		const check = checkCsvHead('slash.csv', `${HEADER}\n${ROW.replace('2019-10-01 00:00:00 UTC', '01/10/2019 00:00')}`);
		expect(check).toMatchObject({ ok: false, error: expect.stringMatching(/event_time values like "01\/10\/2019 00:00"/) });
	});

	it('splits quoted fields with delimiters and doubled quotes inside', () => {
		expect(splitLine('a,"b,c","say ""hi""",', ',')).toEqual(['a', 'b,c', 'say "hi"', '']);
	});
});
