// A cell's fingerprint changes when its text or anything upstream of it changes, so a persisted
// result table can be reused after a reload instead of re-running the cell.
import type { CellData, CellId, NotebookGraph } from '../notebook';

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; collisions only cost a re-run). */
export function hashString(text: string, seed = 0): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Fingerprints of every cell: hash of kind, name, source, upstream fingerprints and the data epoch. */
export function fingerprints(
	cells: readonly CellData[],
	graph: NotebookGraph,
	dataEpoch: string
): Map<CellId, string> {
	const byId = new Map(cells.map((c) => [c.id, c]));
	const memo = new Map<CellId, string>();
	const visiting = new Set<CellId>();
	const visit = (id: CellId): string => {
		const known = memo.get(id);
		if (known) return known;
		if (visiting.has(id)) return 'cycle';
		visiting.add(id);
		const cell = byId.get(id)!;
		const upstream = [...(graph.dependencies.get(id) ?? [])].map(visit).sort();
		const fp = hashString([cell.kind, cell.name ?? '', cell.source, dataEpoch, ...upstream].join('\u0000'));
		visiting.delete(id);
		memo.set(id, fp);
		return fp;
	};
	for (const cell of cells) visit(cell.id);
	return memo;
}

/**
 * `fingerprints`, kept until the cells, graph or epoch change (compared by identity: the
 * session replaces them, never mutates them). A run asks for them once per cell, and each
 * call hashes the whole notebook: a run-all of 70 cells hashed it 140 times.
 */
export function memoFingerprints(): (cells: readonly CellData[], graph: NotebookGraph, dataEpoch: string) => ReadonlyMap<CellId, string> {
	let last: { cells: readonly CellData[]; graph: NotebookGraph; dataEpoch: string; result: ReadonlyMap<CellId, string> } | null = null;
	return (cells, graph, dataEpoch) => {
		if (last?.cells !== cells || last.graph !== graph || last.dataEpoch !== dataEpoch) {
			last = { cells, graph, dataEpoch, result: fingerprints(cells, graph, dataEpoch) };
		}
		return last.result;
	};
}
