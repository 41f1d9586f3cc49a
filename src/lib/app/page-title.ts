// The tab's title says what the notebook is doing, so a run can be followed from another tab:
// "▶ 3 running · Title" while cells are queued or running, "⚠ 1 error · Title" once a cell
// failed (a cell failing only because one upstream did is not counted again), the title alone
// when all is quiet.
import type { CellStatus } from '../notebook';

export function pageTitle(title: string, statuses: Iterable<CellStatus>): string {
	let running = 0;
	let errors = 0;
	for (const status of statuses) {
		if (status === 'running' || status === 'queued') running++;
		else if (status === 'error') errors++;
	}
	const parts: string[] = [];
	if (running > 0) parts.push(`▶ ${running} running`);
	if (errors > 0) parts.push(`⚠ ${errors} ${errors === 1 ? 'error' : 'errors'}`);
	return [...parts, title].join(' · ');
}
