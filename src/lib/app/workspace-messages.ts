// The words for what the dataset workspace reports: each names what happened and what to do.
import { explainEngineError } from '../data/engine-messages';
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
				`The ingest of ${quoted(event.names)} was interrupted (the tab closed or reloaded), and what it had written was removed. ` +
					'It is listed under Datasets: open its files again, or delete it.'
			);
		case 'data-missing':
			return error(
				`The data of ${quoted(event.names)} is no longer in this browser’s storage: the browser may remove a site’s data when the disk runs low ` +
					'(unless it keeps it persistently), and clearing site data removes it. Open its files again to rebuild it, or delete it under Datasets.'
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
			if (event.cancelled) return error(`${event.title} was cancelled; nothing was kept.`);
			// A file's own problem already names the file and the fix.
			if (event.error instanceof Error && event.error.name === 'DataFileError') return error(event.error.message);
			return error(`${event.title} failed: ${sentence(explainEngineError(event.error))} Nothing of it was kept; the other datasets are untouched.`);
		case 'ingested':
			return info([ingestSummary(event.name, event.report), ...event.notes].join(' '));
		case 'table-loaded':
			return info(`${event.fileName}: ${event.rows.toLocaleString('en-US')} rows loaded into table ${event.table}.`);
		case 'table-failed':
			return error(errorMessage(event.error));
	}
}

const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

function ingestSummary(name: string, report: IngestReport): string {
	const n = (v: number) => v.toLocaleString('en-US');
	const parts = report.files.map((f) => {
		const problems: string[] = [];
		if (f.latin1FromLine) problems.push(`read as Latin-1 (ISO-8859-1): line ${n(f.latin1FromLine)} is not UTF-8`);
		if (f.rejectedLines > 0) {
			const e = f.rejectedExamples[0];
			problems.push(`${plural(f.rejectedLines, 'malformed line')} skipped (e.g. line ${n(e.line)}: ${e.message.replace(/\.$/, '')}${hintFor(e.message)})`);
		}
		if (f.invalidRows > 0) {
			const why = (f.invalidReasons ?? []).map((r) => (f.invalidReasons.length > 1 ? `${n(r.rows)} ${r.reason}` : r.reason)).join(', ');
			problems.push(`${plural(f.invalidRows, 'invalid row')}${why ? ` (${why})` : ''} kept aside in events_rejected`);
		}
		return `${f.name}: ${plural(f.rows, 'event')}${problems.length ? `; ${problems.join('; ')}` : ''}`;
	});
	return `${name}: ${plural(report.rows, 'event')} ingested in ${(report.totalMs / 1000).toFixed(1)} s. ${parts.join('. ')}.`;
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

/** What to do about DuckDB's reason for a malformed line, where the reason alone does not say. */
function hintFor(message: string): string {
	if (/converting column "event_time"/.test(message)) return '; every event_time must have the format of the first row';
	if (/Maximum line size/.test(message)) return '; a line that long is not an event: check how the file was exported';
	if (/Invalid unicode/i.test(message)) return '; save the file as UTF-8 and open it again';
	return '';
}
