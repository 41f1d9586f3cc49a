import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/lib/ingest/data-file-error';
import { describeWorkspaceEvent } from '../../../src/lib/app/workspace-messages';
import type { IngestReport } from '../../../src/lib/ingest/ingest-events';

const report = (file: Partial<IngestReport['files'][number]>): IngestReport => ({
	files: [{ name: 'oct.csv', bytes: 100, rows: 1234, rejectedLines: 0, rejectedExamples: [], invalidRows: 0, invalidReasons: [], ...file }],
	rows: 1234,
	months: ['2019-10'],
	steps: [],
	totalMs: 2500
});

describe('describeWorkspaceEvent', () => {
	it('summarises an ingest with its rows and time', () => {
		expect(describeWorkspaceEvent({ type: 'ingested', name: 'Oct', report: report({}), notes: ['Mapped timestamp to event_time.'] })).toEqual({
			kind: 'info',
			text: 'Oct: 1,234 events ingested in 2.5 s. oct.csv: 1,234 events. Mapped timestamp to event_time.'
		});
	});

	it('counts skipped and rejected lines, with the reasons rows were refused', () => {
		const { text } = describeWorkspaceEvent({
			type: 'ingested',
			name: 'Oct',
			report: report({
				rejectedLines: 1,
				invalidRows: 3,
				invalidReasons: [
					{ reason: 'without an event_time', rows: 2 },
					{ reason: 'with a user_id beyond INTEGER', rows: 1 }
				],
				rejectedExamples: [{ line: 99, message: 'Expected Number of Columns: 9 Found: 4', text: '' }]
			}),
			notes: []
		});
		expect(text).toContain('1 malformed line skipped (e.g. line 99: Expected Number of Columns: 9 Found: 4)');
		expect(text).toContain('3 invalid rows (2 without an event_time, 1 with a user_id beyond INTEGER) kept aside in events_rejected');
	});

	it('names the dataset and the cause of a failure, and tells a cancel from a failure', () => {
		expect(describeWorkspaceEvent({ type: 'open-failed', name: 'Oct', error: new Error('disk gone') })).toEqual({ kind: 'error', text: 'Could not open dataset "Oct": disk gone' });
		expect(describeWorkspaceEvent({ type: 'ingest-failed', title: 'Ingesting Oct', cancelled: true, error: null }).text).toBe('Ingesting Oct was cancelled; nothing was kept.');
		expect(describeWorkspaceEvent({ type: 'ingest-failed', title: 'Ingesting Oct', cancelled: false, error: new Error('disk gone') }).text).toBe(
			'Ingesting Oct failed: disk gone. Nothing of it was kept; the other datasets are untouched.'
		);
		// A problem of the file itself already names the file and the fix.
		const cut = new DataFileError('Oct.csv.gz is cut short or damaged: …');
		expect(describeWorkspaceEvent({ type: 'ingest-failed', title: 'Ingesting Oct', cancelled: false, error: cut }).text).toBe('Oct.csv.gz is cut short or damaged: …');
	});

	it('says a full storage is full, whether DuckDB or the browser reported it', () => {
		const thrown = new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
		expect(describeWorkspaceEvent({ type: 'ingest-failed', title: 'Ingesting Oct', cancelled: false, error: thrown }).text).toBe(
			'Ingesting Oct failed: The browser’s storage for this site is full (The operation failed because it would cause the application to exceed its storage quota). ' +
				'Free space by deleting datasets you no longer need (under Datasets) or disk space on this computer, then try again. Nothing of it was kept; the other datasets are untouched.'
		);
	});

	it('says what became of an interrupted ingest and of data the browser removed, and what to do', () => {
		expect(describeWorkspaceEvent({ type: 'ingest-interrupted', names: ['Oct', 'Nov'] }).text).toBe(
			'The ingest of "Oct", "Nov" was interrupted (the tab closed or reloaded), and what it had written was removed. It is listed under Datasets: open its files again, or delete it.'
		);
		expect(describeWorkspaceEvent({ type: 'data-missing', names: ['Oct'] })).toEqual({
			kind: 'error',
			text:
				'The data of "Oct" is no longer in this browser’s storage: the browser may remove a site’s data when the disk runs low (unless it keeps it persistently), ' +
				'and clearing site data removes it. Open its files again to rebuild it, or delete it under Datasets.'
		});
	});
});
