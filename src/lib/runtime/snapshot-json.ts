// An output snapshot as JSON text, for a snapshot that ships as a file (the bundled sample's)
// instead of living in IndexedDB, which keeps Dates, non-finite numbers and -0 as they are. JSON
// has none of them: each is written as an object tagged with a key no column name of ours can be
// (it starts with a NUL), and read back as the value it was.
import type { OutputSnapshot } from './output-snapshot';

const TAG = '\u0000cin';

type Tagged = { [TAG]: 'date' | 'number'; v: string };

export function snapshotToJson(snapshot: OutputSnapshot): string {
	return JSON.stringify(snapshot, function (key, value: unknown) {
		// `this[key]` is the value before Date.prototype.toJSON turned it into a string.
		const raw = (this as Record<string, unknown>)[key];
		if (raw instanceof Date) return { [TAG]: 'date', v: Number.isNaN(raw.getTime()) ? 'NaN' : raw.toISOString() } satisfies Tagged;
		if (typeof raw === 'number' && (!Number.isFinite(raw) || Object.is(raw, -0))) return { [TAG]: 'number', v: Object.is(raw, -0) ? '-0' : String(raw) } satisfies Tagged;
		if (typeof raw === 'bigint') throw new Error(`snapshot value ${raw}n: cell values are numbers, never BigInt`);
		return value;
	});
}

/** The parsed document, not yet checked: the caller checks it is a snapshot (isOutputSnapshot). */
export function snapshotFromJson(text: string): unknown {
	return JSON.parse(text, (_key, value: unknown) => {
		if (typeof value !== 'object' || value === null || !(TAG in value)) return value;
		const { [TAG]: type, v } = value as Tagged;
		if (type === 'date') return new Date(v === 'NaN' ? NaN : v);
		if (type === 'number') return Number(v);
		return value;
	});
}
