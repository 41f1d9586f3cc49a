// The folders of src/lib are layers: a folder may import from another only if that one never
// imports back, directly or through others. A cycle means neither can be understood, tested or
// moved without the other. Type-only imports count too: they tie the folders' meanings together.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve('src/lib');

/** Where one folder imports another: `from → to → the imports that make the edge`. */
type FolderGraph = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(ts|svelte)$/.test(entry.name) ? [full] : [];
	});
}

/** Import specifiers of a file, static and dynamic; for a component, of its script blocks. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const code = file.endsWith('.svelte') ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
	return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** The top folder under src/lib that `file` belongs to; `(src/lib)` for a file directly in it. */
function folderOf(file: string): string {
	const [first, ...rest] = path.relative(LIB, file).split(path.sep);
	if (rest.length > 0) return first;
	const isDir = (() => {
		try {
			return statSync(path.join(LIB, first)).isDirectory();
		} catch {
			return false;
		}
	})();
	return isDir ? first : '(src/lib)';
}

function folderGraph(): FolderGraph {
	const graph: FolderGraph = new Map();
	for (const file of sourceFiles(LIB)) {
		for (const spec of importsOf(file)) {
			let target: string;
			if (spec.startsWith('$lib/') || spec === '$lib') target = path.join(LIB, spec.slice('$lib'.length));
			else if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec);
			else continue; // a package
			if (path.relative(LIB, target).startsWith('..')) continue; // outside src/lib (e.g. sample data)
			const from = folderOf(file);
			const to = folderOf(target);
			if (from === to) continue;
			if (!graph.has(from)) graph.set(from, new Map());
			const edges = graph.get(from)!;
			if (!edges.has(to)) edges.set(to, []);
			edges.get(to)!.push(`${path.relative(LIB, file)} imports '${spec}'`);
		}
	}
	return graph;
}

/** One cycle per strongly connected group of folders (Tarjan), as `a → b → … → a`. */
function folderCycles(graph: FolderGraph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];
	const next = (node: string) => [...(graph.get(node)?.keys() ?? [])].sort();
	const visit = (node: string) => {
		index.set(node, index.size);
		low.set(node, index.get(node)!);
		stack.push(node);
		onStack.add(node);
		for (const to of next(node)) {
			if (!index.has(to)) {
				visit(to);
				low.set(node, Math.min(low.get(node)!, low.get(to)!));
			} else if (onStack.has(to)) {
				low.set(node, Math.min(low.get(node)!, index.get(to)!));
			}
		}
		if (low.get(node) === index.get(node)) {
			const group: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				group.push(member);
			} while (member !== node);
			if (group.length > 1) groups.push(group);
		}
	};
	for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
	// In each group, the shortest way from its first folder back to itself.
	return groups.map((group) => {
		const members = new Set(group);
		const start = [...group].sort()[0];
		const paths = new Map<string, string[]>([[start, [start]]]);
		const queue = [start];
		while (queue.length) {
			const node = queue.shift()!;
			for (const to of next(node).filter((t) => members.has(t))) {
				if (to === start) return [...paths.get(node)!, start];
				if (!paths.has(to)) {
					paths.set(to, [...paths.get(node)!, to]);
					queue.push(to);
				}
			}
		}
		return group; // unreachable: a strongly connected group always leads back
	});
}

function describeCycle(graph: FolderGraph, cycle: string[]): string {
	const steps = cycle.slice(0, -1).map((from, i) => {
		const to = cycle[i + 1];
		const where = graph.get(from)!.get(to)!;
		return `  ${from} → ${to}: ${where.slice(0, 3).join('; ')}${where.length > 3 ? ` (+${where.length - 3} more)` : ''}`;
	});
	return `${cycle.join(' → ')}\n${steps.join('\n')}`;
}

describe('folder layers of src/lib', () => {
	const graph = folderGraph();

	it('reads the imports (a check of the check)', () => {
		expect(graph.get('store')?.has('data')).toBe(true); // relative imports
		expect(graph.get('components')?.has('data')).toBe(true); // $lib imports in components
		expect(graph.get('app')?.has('ingest')).toBe(true); // dynamic imports
	});

	it('finds a cycle, and names it', () => {
		const edge = (to: string) => new Map([[to, ['x']]]);
		const synthetic: FolderGraph = new Map([
			['a', edge('b')],
			['b', edge('c')],
			['c', edge('a')],
			['d', edge('a')]
		]);
		expect(folderCycles(synthetic)).toEqual([['a', 'b', 'c', 'a']]);
		expect(folderCycles(new Map([['a', edge('b')]]))).toEqual([]);
	});

	it('has no folder that imports, directly or not, a folder that imports it', () => {
		const cycles = folderCycles(graph).map((cycle) => describeCycle(graph, cycle));
		expect(cycles, `folder import cycles:\n${cycles.join('\n')}`).toEqual([]);
	});
});
