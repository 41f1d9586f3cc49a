// The words for what the dataset workspace reports: each names what happened and what to do.
import { errorMessage } from '../data/error-message';
import type { IngestReport } from '../ingest/ingest-events';
import { oversizeWarning } from '../store/database-size-limit';
import type { WorkspaceEvent } from './workspace-event';

export interface Notice {
	kind: 'error' | 'info';
	text: string;
}

export function describeWorkspaceEvent(event: WorkspaceEvent): Notice {
	const error = (text: string): Notice => ({ kind: 'error', text });
	const info = (text: string): Notice => ({ kind: 'info', text });
	switch (event.type) {
		case 'ingest-interrupted':
			return error(
				`The ingest of ${event.names.map((n) => `"${n}"`).join(', ')} was interrupted (the tab closed or reloaded). ` +
					'It is listed under Datasets: remove it, or open its files again.'
			);
		case 'dataset-incomplete':
			return error(`Dataset "${event.name}" is incomplete (its ingest was interrupted). Remove it and open its files again.`);
		case 'files-refused':
			return error(event.message);
		case 'resume-denied':
			return error('The browser did not give access to the original files again. Open them with "Open files…".');
		case 'delete-failed':
			return error(`Could not delete the files of "${event.name}": ${errorMessage(event.error)}. Close other tabs of this app and try again.`);
		case 'deleted':
			return info(`Deleted "${event.name}" and freed its storage.`);
		case 'upgrade-failed':
			return error(
				`This dataset was built by an older version, and the tables added since could not be built (${errorMessage(event.error)}). The cells that read them will fail until its files are imported again.`
			);
		case 'oversize':
			return error(oversizeWarning(event.name, event.bytes));
		case 'open-failed':
			return error(`Could not open dataset "${event.name}": ${errorMessage(event.error)}`);
		case 'ingest-failed':
			return error(event.cancelled ? `${event.title} was cancelled; nothing was kept.` : `${event.title} failed: ${errorMessage(event.error)}`);
		case 'ingested':
			return info([ingestSummary(event.name, event.report), ...event.notes].join(' '));
		case 'table-loaded':
			return info(`${event.fileName}: ${event.rows.toLocaleString('en-US')} rows loaded into table ${event.table}.`);
		case 'table-failed':
			return error(errorMessage(event.error));
	}
}

function ingestSummary(name: string, report: IngestReport): string {
	const n = (v: number) => v.toLocaleString('en-US');
	const parts = report.files.map((f) => {
		const problems: string[] = [];
		if (f.rejectedLines > 0) {
			const e = f.rejectedExamples[0];
			problems.push(
				`${n(f.rejectedLines)} malformed line${f.rejectedLines > 1 ? 's' : ''} skipped (e.g. line ${e.line}: ${e.message}${/Expected Number of Columns/.test(e.message) ? '; if that is the last line, the file is truncated: download it again' : ''})`
			);
		}
		if (f.invalidRows > 0) problems.push(`${n(f.invalidRows)} invalid row${f.invalidRows > 1 ? 's' : ''} kept aside in events_rejected`);
		return `${f.name}: ${n(f.rows)} events${problems.length ? `; ${problems.join('; ')}` : ''}`;
	});
	return `${name}: ${n(report.rows)} events ingested in ${(report.totalMs / 1000).toFixed(1)} s. ${parts.join('. ')}.`;
}
