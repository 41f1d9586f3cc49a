import { describe, expect, it } from 'vitest';
import { describeWorkspaceEvent } from '../../../src/lib/app/workspace-messages';
import type { IngestReport } from '../../../src/lib/ingest/ingest-events';

const report = (file: Partial<IngestReport['files'][number]>): IngestReport => ({
	files: [{ name: 'oct.csv', bytes: 100, rows: 1234, rejectedLines: 0, rejectedExamples: [], invalidRows: 0, ...file }],
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

	it('counts skipped and rejected lines, and says a cut-off last line means a truncated file', () => {
		const { text } = describeWorkspaceEvent({
			type: 'ingested',
			name: 'Oct',
			report: report({ rejectedLines: 1, invalidRows: 2, rejectedExamples: [{ line: 99, message: 'Expected Number of Columns: 9 Found: 4', text: '' }] }),
			notes: []
		});
		expect(text).toContain('1 malformed line skipped (e.g. line 99: Expected Number of Columns: 9 Found: 4; if that is the last line, the file is truncated: download it again)');
		expect(text).toContain('2 invalid rows kept aside in events_rejected');
	});

	it('names the dataset and the cause of a failure, and tells a cancel from a failure', () => {
		expect(describeWorkspaceEvent({ type: 'open-failed', name: 'Oct', error: new Error('disk gone') })).toEqual({ kind: 'error', text: 'Could not open dataset "Oct": disk gone' });
		expect(describeWorkspaceEvent({ type: 'ingest-failed', title: 'Ingesting Oct', cancelled: true, error: null }).text).toBe('Ingesting Oct was cancelled; nothing was kept.');
		expect(describeWorkspaceEvent({ type: 'ingest-failed', title: 'Ingesting Oct', cancelled: false, error: 'quota' }).text).toBe('Ingesting Oct failed: quota');
	});
});
