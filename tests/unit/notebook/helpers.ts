import { newCellId, type CellData, type CellKind } from '../../../src/lib/notebook/cell';

export function sql(name: string | null, source: string): CellData {
	return { id: newCellId(), kind: 'sql', name, source, attrs: {} };
}

export function cellOf(kind: CellKind, name: string | null, source: string): CellData {
	return { id: newCellId(), kind, name, source, attrs: {} };
}

/** A promise with its resolve and reject exposed, to order asynchronous steps in tests without timers. */
export function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (reason: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}
