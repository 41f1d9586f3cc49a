// Arrow → JS, once, here. DuckDB-WASM hands back BIGINT as BigInt, DECIMAL/HUGEINT as
// 128-bit BigNums, DATE/TIMESTAMP as epoch milliseconds; views and charts want plain values.
// Rule: a number where the double is exact, otherwise an exact string (19-digit ids, big sums).
import { DataType, util, type Field, type Table, type RecordBatch, type Vector } from 'apache-arrow';
import type { ColumnInfo, ColumnKind, Row, Value } from './value';

type Convert = (raw: unknown) => Value;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function bigintToValue(v: bigint): number | string {
	return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : v.toString();
}

/** An unscaled decimal integer with `scale` digits after the point, as number (if exact) or string. */
export function decimalToValue(unscaled: bigint, scale: number): number | string {
	if (scale === 0) return bigintToValue(unscaled);
	const negative = unscaled < 0n;
	const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
	const text = `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
	// Both operands are exact doubles, so the quotient is the double nearest the decimal.
	if (unscaled <= MAX_SAFE && unscaled >= -MAX_SAFE) return Number(unscaled) / 10 ** scale;
	return text;
}

/**
 * The unscaled value of a 128-bit decimal, given as its four little-endian 32-bit words, when it
 * is a safe integer; null otherwise. Most decimals in results (prices, sums of them) are, and
 * reading the words directly skips a BigInt altogether.
 */
export function safeInt128(words: Uint32Array): number | null {
	const [lo, mid, hi, top] = words;
	if (hi === 0 && top === 0) return mid < 0x200000 ? mid * 2 ** 32 + lo : null; // below 2^53
	if (hi === 0xffffffff && top === 0xffffffff) {
		// Negative, two's complement: (mid - 2^32)·2^32 + lo is exact while the value is safe.
		const value = (mid - 2 ** 32) * 2 ** 32 + lo;
		return value >= -Number.MAX_SAFE_INTEGER ? value : null;
	}
	return null;
}

/**
 * Any 128-bit decimal's unscaled value, exactly. Not Arrow's `util.bigNumToBigInt`: it goes
 * through strings (the page's costliest conversion per run) and returns negative values past
 * 2^64 rounded, e.g. -18446744073709551616000 as -18446744073709552000000.
 */
export function int128ToBigInt(words: Uint32Array): bigint {
	let value = 0n;
	for (let i = 3; i >= 0; i--) value = (value << 32n) | BigInt(words[i]);
	return BigInt.asIntN(128, value);
}

export function describeType(type: DataType): { type: string; kind: ColumnKind } {
	if (DataType.isDictionary(type)) {
		const inner = describeType(type.dictionary);
		return { type: inner.kind === 'string' ? 'ENUM' : inner.type, kind: inner.kind };
	}
	if (DataType.isInt(type)) {
		const names: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
		return { type: `${type.isSigned ? '' : 'U'}${names[type.bitWidth]}`, kind: 'number' };
	}
	if (DataType.isFloat(type)) return { type: type.precision === 2 ? 'DOUBLE' : 'FLOAT', kind: 'number' };
	if (DataType.isDecimal(type)) {
		// DuckDB ships HUGEINT as DECIMAL(38,0).
		return { type: `DECIMAL(${type.precision},${type.scale})`, kind: 'number' };
	}
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return { type: 'VARCHAR', kind: 'string' };
	if (DataType.isBool(type)) return { type: 'BOOLEAN', kind: 'boolean' };
	if (DataType.isDate(type)) return { type: 'DATE', kind: 'date' };
	if (DataType.isTimestamp(type)) {
		return { type: type.timezone ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP', kind: 'timestamp' };
	}
	if (DataType.isTime(type)) return { type: 'TIME', kind: 'time' };
	if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
		return { type: `${describeType(type.children[0].type).type}[]`, kind: 'nested' };
	}
	if (DataType.isStruct(type)) return { type: 'STRUCT', kind: 'nested' };
	if (DataType.isMap(type)) return { type: 'MAP', kind: 'nested' };
	if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return { type: 'BLOB', kind: 'other' };
	if (DataType.isInterval(type)) return { type: 'INTERVAL', kind: 'other' };
	return { type: String(type).toUpperCase(), kind: 'other' };
}

function converterFor(type: DataType): Convert {
	if (DataType.isDictionary(type)) return converterFor(type.dictionary);
	if (DataType.isInt(type)) {
		return type.bitWidth === 64 ? (raw) => bigintToValue(raw as bigint) : (raw) => raw as number;
	}
	if (DataType.isDecimal(type)) {
		const scale = type.scale;
		return (raw) => {
			if (!(raw instanceof Uint32Array && raw.length === 4)) {
				return decimalToValue(util.bigNumToBigInt(raw as Parameters<typeof util.bigNumToBigInt>[0]), scale);
			}
			const safe = safeInt128(raw);
			if (safe === null) return decimalToValue(int128ToBigInt(raw), scale);
			return scale === 0 ? safe : safe / 10 ** scale;
		};
	}
	if (DataType.isDate(type) || DataType.isTimestamp(type)) {
		return (raw) => new Date(typeof raw === 'bigint' ? Number(raw) : (raw as number));
	}
	if (DataType.isTime(type)) return (raw) => formatTime(raw, type.unit);
	if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
		const item = converterFor(type.children[0].type);
		return (raw) => Array.from(raw as Iterable<unknown>, (v) => (v == null ? null : item(v)));
	}
	if (DataType.isStruct(type)) {
		const fields = type.children.map((f: Field) => [f.name, converterFor(f.type)] as const);
		return (raw) => {
			const row = raw as Record<string, unknown>;
			const out: Record<string, Value> = {};
			for (const [name, convert] of fields) out[name] = row[name] == null ? null : convert(row[name]);
			return out;
		};
	}
	if (DataType.isBinary(type) || DataType.isLargeBinary(type)) {
		return (raw) => Array.from(raw as Uint8Array, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
	}
	if (DataType.isFloat(type) || DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isBool(type)) {
		return (raw) => raw as Value;
	}
	return (raw) => genericValue(raw);
}

function genericValue(raw: unknown): Value {
	if (raw == null) return null;
	if (typeof raw === 'bigint') return bigintToValue(raw);
	if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
	if (raw instanceof Date) return raw;
	return String(raw);
}

function formatTime(raw: unknown, unit: number): string {
	// Arrow TimeUnit: 0 s, 1 ms, 2 µs, 3 ns.
	const perSecond = [1n, 1000n, 1000000n, 1000000000n][unit];
	const ticks = BigInt(raw as bigint | number);
	const seconds = Number(ticks / perSecond);
	const hh = Math.floor(seconds / 3600);
	const mm = Math.floor((seconds % 3600) / 60);
	const ss = seconds % 60;
	return [hh, mm, ss].map((n) => String(n).padStart(2, '0')).join(':');
}

export function columnsOf(schema: { fields: Field[] }): ColumnInfo[] {
	return schema.fields.map((f) => ({ name: f.name, ...describeType(f.type) }));
}

/** Appends up to `limit` rows of a batch (or table) to `out`; returns how many were appended. */
export function appendRows(source: Table | RecordBatch, out: Row[], limit = Infinity): number {
	const n = Math.min(source.numRows, limit);
	if (n <= 0) return 0;
	const vectors: Vector[] = source.schema.fields.map((_, i) => source.getChildAt(i)!);
	const converters = source.schema.fields.map((f) => converterFor(f.type));
	const start = out.length;
	for (let r = 0; r < n; r++) out.push(new Array(vectors.length));
	for (let c = 0; c < vectors.length; c++) {
		const vector = vectors[c];
		const convert = converters[c];
		for (let r = 0; r < n; r++) {
			const raw = vector.get(r);
			out[start + r][c] = raw == null ? null : convert(raw);
		}
	}
	return n;
}

/** A whole Arrow table as rows. */
export function tableToRows(table: Table): { columns: ColumnInfo[]; rows: Row[] } {
	const rows: Row[] = [];
	appendRows(table, rows);
	return { columns: columnsOf(table.schema), rows };
}
