// Resident memory of processes, from /proc (not performance.memory, which sees only the JS
// heap and not the wasm memory or the DuckDB worker). Linux only.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
	pid: number;
	ppid: number;
	cmdline: string;
}

const read = (file: string): string | null => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return null; // the process ended between listing and reading
	}
};

/** VmRSS of a process in KiB; 0 when it has ended. */
export function rssKiB(pid: number): number {
	const match = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '');
	return match ? Number(match[1]) : 0;
}

/** Every live descendant of `root` (children, grandchildren…), with its command line. */
export function descendantsOf(root: number): ProcessInfo[] {
	const parent = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = read(`/proc/${entry}/stat`);
		if (!stat) continue;
		// Fields after the command name, which is in parentheses and may itself contain spaces.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		parent.set(Number(entry), Number(fields[1]));
	}
	const children = new Map<number, number[]>();
	for (const [pid, ppid] of parent) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	const found: ProcessInfo[] = [];
	const stack = [...(children.get(root) ?? [])];
	while (stack.length) {
		const pid = stack.pop()!;
		// Read every time, never cached: a process the zygote forks shows the zygote's command
		// line until it renames itself (`--type=renderer`).
		const cmdline = (read(`/proc/${pid}/cmdline`) ?? '').replaceAll('\0', ' ').trim();
		found.push({ pid, ppid: parent.get(pid)!, cmdline });
		stack.push(...(children.get(pid) ?? []));
	}
	return found;
}

export interface ChromiumRss {
	/** The largest renderer: the page's (the DuckDB worker is a thread in it). */
	rendererKiB: number;
	/** All Chromium processes together (browser, GPU/utility, zygotes, renderers). */
	totalKiB: number;
}

// Walking all of /proc takes several ms on a busy machine: the tree is walked once a second,
// while the (few) Chromium processes' memory is read at every sample.
const RESCAN_MS = 1000;
let known: { root: number; at: number; pids: number[] } | null = null;

/** RSS of the Chromium processes this process started. */
export function chromiumRss(root = process.pid): ChromiumRss {
	const now = performance.now();
	if (!known || known.root !== root || now - known.at > RESCAN_MS) {
		known = { root, at: now, pids: descendantsOf(root).filter((p) => /chrom/i.test(p.cmdline)).map((p) => p.pid) };
	}
	let rendererKiB = 0;
	let totalKiB = 0;
	for (const pid of known.pids) {
		// Re-read: a fresh zygote child names itself a renderer only after a while.
		const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
		const kib = rssKiB(pid);
		totalKiB += kib;
		if (cmdline.includes('--type=renderer')) rendererKiB = Math.max(rendererKiB, kib);
	}
	return { rendererKiB, totalKiB };
}
