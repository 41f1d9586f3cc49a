// When an autosave makes a new version and which old versions go. Saves come every few hundred
// milliseconds while someone types; keeping each would fill the history with keystrokes, so a
// save folds into the newest version unless the user paused (a few seconds) or that version
// already holds many saves. Versions are pruned per notebook (a count) and over all notebooks
// (a total size), oldest first, never a notebook's newest.
import type { VersionInfo, VersionKey } from './history-store';

export interface HistoryPolicy {
	/** A save this long after the previous one starts a new version. */
	pauseMs: number;
	/** A version folds at most this many saves (a long stretch of typing still makes versions). */
	editsPerVersion: number;
	/** Versions kept per notebook. */
	versionsPerNotebook: number;
	/** Characters of version text kept over all notebooks. */
	totalChars: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = {
	pauseMs: 4000,
	editsPerVersion: 40,
	versionsPerNotebook: 20,
	totalChars: 20_000_000
};

/** The version a save at `time` folds into, or null when it starts a new one. */
export function versionToAmend(newest: VersionInfo | undefined, time: number, policy: HistoryPolicy): VersionInfo | null {
	if (!newest) return null;
	return time - newest.time < policy.pauseMs && newest.edits < policy.editsPerVersion ? newest : null;
}

/** Versions to remove so the history fits the policy; `keep` (the one just written) stays. */
export function versionsToPrune(all: readonly VersionInfo[], policy: HistoryPolicy, keep?: VersionKey): VersionKey[] {
	const byNotebook = new Map<string, VersionInfo[]>();
	for (const v of all) {
		const list = byNotebook.get(v.notebookId) ?? [];
		list.push(v);
		byNotebook.set(v.notebookId, list);
	}
	const removed = new Set<VersionInfo>();
	const removable: VersionInfo[] = [];
	for (const list of byNotebook.values()) {
		list.sort((a, b) => a.seq - b.seq);
		const excess = list.length - policy.versionsPerNotebook;
		list.forEach((v, i) => {
			const protectedVersion = i === list.length - 1 || (keep && v.notebookId === keep.notebookId && v.seq === keep.seq);
			if (protectedVersion) return;
			if (i < excess) removed.add(v);
			else removable.push(v);
		});
	}
	let total = all.reduce((sum, v) => sum + (removed.has(v) ? 0 : v.size), 0);
	for (const v of removable.sort((a, b) => a.time - b.time)) {
		if (total <= policy.totalChars) break;
		removed.add(v);
		total -= v.size;
	}
	return [...removed].map(({ notebookId, seq }) => ({ notebookId, seq }));
}

const FENCE = /^(`{3,}|~{3,})([A-Za-z][\w-]*)(.*)$/;

/** A notebook's code cells (by name, else kind and position) and its prose, from its text alone. */
function outline(text: string): { cells: Map<string, string>; prose: string; frontMatter: string } {
	const cells = new Map<string, string>();
	const counts = new Map<string, number>();
	const prose: string[] = [];
	const lines = text.split(/\r?\n/);
	const fmEnd = lines[0]?.trimEnd() === '---' ? lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---') : -1;
	const frontMatter = lines.slice(0, fmEnd + 1).join('\n');
	// A fenced block is read whole, so a fence inside it (an example in a markdown block) is not a cell.
	let open: { fence: string; key: string | null; lines: string[] } | null = null;
	const close = (block: { key: string | null; lines: string[] }) => {
		if (block.key === null) prose.push(...block.lines);
		else cells.set(block.key, block.lines.join('\n'));
	};
	for (const line of lines.slice(fmEnd + 1)) {
		if (open) {
			open.lines.push(line);
			if (line.trim().startsWith(open.fence) && line.trim().replace(/[`~]/g, '') === '') {
				close(open);
				open = null;
			}
			continue;
		}
		const m = FENCE.exec(line);
		if (!m) {
			prose.push(line);
			continue;
		}
		const name = /\bname=(\w+)/.exec(m[3])?.[1];
		const n = (counts.get(m[2]) ?? 0) + 1;
		counts.set(m[2], n);
		open = { fence: m[1], key: m[2] === 'markdown' ? null : (name ?? `${m[2]} cell ${n}`), lines: [line] };
	}
	if (open) close(open);
	return { cells, prose: prose.join('\n'), frontMatter };
}

function names(list: string[]): string {
	return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

/** What changed from `before` to `after`, in a few words ("edited daily, kpis · text"). */
export function changeSummary(before: string | null, after: string): string {
	const next = outline(after);
	if (before === null) return `${next.cells.size} code cells`;
	if (before === after) return 'no change';
	const prev = outline(before);
	const edited = [...next.cells].filter(([k, body]) => prev.cells.has(k) && prev.cells.get(k) !== body).map(([k]) => k);
	const added = [...next.cells.keys()].filter((k) => !prev.cells.has(k));
	const removed = [...prev.cells.keys()].filter((k) => !next.cells.has(k));
	const parts: string[] = [];
	if (prev.frontMatter !== next.frontMatter) parts.push('title or settings changed');
	if (edited.length) parts.push(`edited ${names(edited)}`);
	if (added.length) parts.push(`added ${names(added)}`);
	if (removed.length) parts.push(`removed ${names(removed)}`);
	if (prev.prose !== next.prose) parts.push('text edited');
	return parts.join(' · ') || 'layout changed';
}
