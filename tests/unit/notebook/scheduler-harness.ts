import { Scheduler } from '../../../src/lib/notebook/scheduler';
import type { CellData } from '../../../src/lib/notebook/cell';
import { deferred } from './helpers';
import { DEFAULT_KINDS } from '../support/notebook-kinds';

export interface Call {
	name: string | null;
	version: number;
	force: boolean;
	signal: AbortSignal;
	resolve: (output: string) => void;
	reject: (error: unknown) => void;
}

/** A scheduler whose runner waits for the test to settle each call; `next()` waits for the next call. */
export function controlled(cells: CellData[]) {
	const calls: Call[] = [];
	const waiting: ((call: Call) => void)[] = [];
	const outputs: (string | null)[] = [];
	let taken = 0;
	const scheduler = new Scheduler<string>({
		kinds: DEFAULT_KINDS,
		run: (cell, ctx) => {
			const d = deferred<string>();
			const call = { name: cell.name, ...ctx, resolve: d.resolve, reject: d.reject };
			calls.push(call);
			waiting.shift()?.(call);
			return d.promise;
		},
		onChange: (_, state) => outputs.push(state.output)
	});
	scheduler.setCells(cells);
	const next = (): Promise<Call> => {
		const index = taken++;
		return index < calls.length ? Promise.resolve(calls[index]) : new Promise((resolve) => waiting.push(resolve));
	};
	return { scheduler, calls, next, outputs };
}

/** A scheduler whose runner answers at once with "name@version", failing for cells named in `failing`. */
export function immediate(cells: CellData[], failing: Record<string, unknown> = {}) {
	const calls: string[] = [];
	const scheduler = new Scheduler<string>({
		kinds: DEFAULT_KINDS,
		run: async (cell, { version }) => {
			calls.push(cell.name ?? cell.kind);
			if (cell.name !== null && cell.name in failing) throw failing[cell.name];
			return `${cell.name}@${version}`;
		}
	});
	scheduler.setCells(cells);
	return { scheduler, calls };
}

export const statusOf = (scheduler: Scheduler<string>, cell: CellData) => scheduler.state(cell.id).status;
