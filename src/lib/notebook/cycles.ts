import type { CellId } from './cell';

/**
 * Cycles covering every cell of every strongly connected component (and every self-reference):
 * for each uncovered cell, earliest first, the shortest cycle through it, rotated to start at its
 * earliest cell. Each cell in a cycle reads the next.
 */
export function findCycles(order: readonly CellId[], dependencies: Map<CellId, Set<CellId>>): CellId[][] {
	const index = new Map(order.map((id, i) => [id, i]));
	const byOrder = (a: CellId, b: CellId) => index.get(a)! - index.get(b)!;
	const cycles: CellId[][] = [];
	for (const component of stronglyConnected(order, dependencies)) {
		const members = new Set(component);
		const covered = new Set<CellId>();
		for (const start of [...component].sort(byOrder)) {
			if (covered.has(start)) continue;
			const cycle = shortestCycle(start, members, dependencies, byOrder);
			if (cycle === null) continue;
			const first = cycle.indexOf([...cycle].sort(byOrder)[0]);
			const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
			for (const id of rotated) covered.add(id);
			if (!cycles.some((c) => c.join() === rotated.join())) cycles.push(rotated);
		}
	}
	return cycles.sort((a, b) => byOrder(a[0], b[0]));
}

function shortestCycle(
	start: CellId,
	members: Set<CellId>,
	dependencies: Map<CellId, Set<CellId>>,
	byOrder: (a: CellId, b: CellId) => number
): CellId[] | null {
	const parent = new Map<CellId, CellId>();
	const queue: CellId[] = [start];
	while (queue.length > 0) {
		const id = queue.shift()!;
		for (const next of [...(dependencies.get(id) ?? [])].sort(byOrder)) {
			if (!members.has(next)) continue;
			if (next === start) {
				const path = [id];
				while (path[0] !== start) path.unshift(parent.get(path[0])!);
				return path;
			}
			if (!parent.has(next)) {
				parent.set(next, id);
				queue.push(next);
			}
		}
	}
	return null;
}

/** Tarjan's algorithm; returns only components that contain a cycle. */
function stronglyConnected(order: readonly CellId[], dependencies: Map<CellId, Set<CellId>>): CellId[][] {
	const low = new Map<CellId, number>();
	const visited = new Map<CellId, number>();
	const stack: CellId[] = [];
	const onStack = new Set<CellId>();
	const components: CellId[][] = [];
	let counter = 0;

	const visit = (id: CellId): void => {
		visited.set(id, counter);
		low.set(id, counter);
		counter += 1;
		stack.push(id);
		onStack.add(id);
		for (const next of dependencies.get(id) ?? []) {
			if (!visited.has(next)) {
				visit(next);
				low.set(id, Math.min(low.get(id)!, low.get(next)!));
			} else if (onStack.has(next)) {
				low.set(id, Math.min(low.get(id)!, visited.get(next)!));
			}
		}
		if (low.get(id) !== visited.get(id)) return;
		const component: CellId[] = [];
		let member: CellId;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			component.push(member);
		} while (member !== id);
		if (component.length > 1 || dependencies.get(id)?.has(id)) components.push(component);
	};

	for (const id of order) if (!visited.has(id)) visit(id);
	return components;
}
