// What the notebook showed, kept per dataset outside DuckDB so a reload can show it before the
// engine has started (compiling 34 MB of wasm and opening the database takes seconds). Each
// output is keyed by the fingerprint of the cell that produced it: a cell whose text, upstream
// or data changed gets a new fingerprint and finds nothing. Once the engine is up the runner
// checks every shown table against the database and re-runs what is missing.
import type { CellData, CellId } from '../notebook';
import { PREVIEW_ROWS, type CellOutput } from './cell-output';

export interface OutputSnapshot {
	version: 1;
	/** The data epoch the fingerprints were computed with. */
	epoch: string;
	outputs: [fingerprint: string, output: CellOutput][];
}

/** Unnamed cells' rows are held whole in memory; a snapshot keeps only results this small. */
const MAX_SNAPSHOT_ROWS = PREVIEW_ROWS;

function worthKeeping(output: CellOutput): boolean {
	switch (output.kind) {
		case 'table':
		case 'chart':
		case 'input':
			return true;
		case 'rows':
			return output.rows.length <= MAX_SNAPSHOT_ROWS;
		default:
			return false;
	}
}

/** The outputs to keep: each finished cell's, under the fingerprint it ran with. */
export function takeSnapshot(
	epoch: string,
	finished: Iterable<{ fingerprint: string | undefined; output: CellOutput | null }>
): OutputSnapshot {
	const outputs: OutputSnapshot['outputs'] = [];
	for (const { fingerprint, output } of finished) {
		if (fingerprint && output && worthKeeping(output)) outputs.push([fingerprint, output]);
	}
	return { version: 1, epoch, outputs };
}

/** The snapshot's output for each cell whose fingerprint (at the snapshot's epoch) matches. */
export function matchSnapshot(
	cells: readonly CellData[],
	fingerprintsAt: (epoch: string) => ReadonlyMap<CellId, string>,
	snapshot: OutputSnapshot
): Map<CellId, { fingerprint: string; output: CellOutput }> {
	const byFingerprint = new Map(snapshot.outputs);
	const fps = fingerprintsAt(snapshot.epoch);
	const matched = new Map<CellId, { fingerprint: string; output: CellOutput }>();
	for (const cell of cells) {
		const fingerprint = fps.get(cell.id);
		const output = fingerprint === undefined ? undefined : byFingerprint.get(fingerprint);
		if (fingerprint !== undefined && output !== undefined) matched.set(cell.id, { fingerprint, output });
	}
	return matched;
}

/** Storage hands back whatever was there: anything not shaped like a snapshot is ignored. */
export function isOutputSnapshot(value: unknown): value is OutputSnapshot {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Partial<OutputSnapshot>;
	return (
		v.version === 1 &&
		typeof v.epoch === 'string' &&
		Array.isArray(v.outputs) &&
		v.outputs.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'object' && e[1] !== null && typeof (e[1] as { kind?: unknown }).kind === 'string')
	);
}
