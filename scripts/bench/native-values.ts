// Native DuckDB values → the values and column types the page shows. The page reads DuckDB-WASM
// results as Arrow and converts them once (src/lib/data/arrow-convert.ts); a native run must
// hand the runtime, the results JSON and the engine comparison the same values: numbers where
// the double is exact, exact strings for 64-bit ids and large decimals, Dates for DATE and
// TIMESTAMP, `HH:MM:SS` for TIME, and the type names Arrow gives (HUGEINT arrives in Arrow as
// DECIMAL(38,0), every ENUM as ENUM, every timestamp unit as TIMESTAMP).
import {
	DuckDBTypeId,
	type DuckDBArrayType,
	type DuckDBBlobValue,
	type DuckDBDateValue,
	type DuckDBDecimalType,
	type DuckDBDecimalValue,
	type DuckDBListType,
	type DuckDBListValue,
	type DuckDBMapType,
	type DuckDBMapValue,
	type DuckDBStructType,
	type DuckDBStructValue,
	type DuckDBTimestampMillisecondsValue,
	type DuckDBTimestampNanosecondsValue,
	type DuckDBTimestampSecondsValue,
	type DuckDBTimestampValue,
	type DuckDBTimeValue,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';
import { bigintToValue, decimalToValue } from '../../src/lib/data/arrow-convert';
import type { ColumnInfo, ColumnKind, Value } from '../../src/lib/data/value';

export type NativeConvert = (raw: DuckDBValue) => Value;

const INTEGER_NAMES: Partial<Record<DuckDBTypeId, string>> = {
	[DuckDBTypeId.TINYINT]: 'TINYINT',
	[DuckDBTypeId.SMALLINT]: 'SMALLINT',
	[DuckDBTypeId.INTEGER]: 'INTEGER',
	[DuckDBTypeId.BIGINT]: 'BIGINT',
	[DuckDBTypeId.UTINYINT]: 'UTINYINT',
	[DuckDBTypeId.USMALLINT]: 'USMALLINT',
	[DuckDBTypeId.UINTEGER]: 'UINTEGER',
	[DuckDBTypeId.UBIGINT]: 'UBIGINT'
};

/** The type name and kind arrow-convert's describeType gives the same column in the page. */
export function describeNativeType(type: DuckDBType): { type: string; kind: ColumnKind } {
	const id = type.typeId;
	const integer = INTEGER_NAMES[id];
	if (integer) return { type: integer, kind: 'number' };
	switch (id) {
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
			return { type: 'DECIMAL(38,0)', kind: 'number' };
		case DuckDBTypeId.FLOAT:
			return { type: 'FLOAT', kind: 'number' };
		case DuckDBTypeId.DOUBLE:
			return { type: 'DOUBLE', kind: 'number' };
		case DuckDBTypeId.DECIMAL: {
			const d = type as DuckDBDecimalType;
			return { type: `DECIMAL(${d.width},${d.scale})`, kind: 'number' };
		}
		case DuckDBTypeId.VARCHAR:
		case DuckDBTypeId.UUID:
			return { type: 'VARCHAR', kind: 'string' };
		case DuckDBTypeId.ENUM:
			return { type: 'ENUM', kind: 'string' };
		case DuckDBTypeId.BOOLEAN:
			return { type: 'BOOLEAN', kind: 'boolean' };
		case DuckDBTypeId.DATE:
			return { type: 'DATE', kind: 'date' };
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_NS:
			return { type: 'TIMESTAMP', kind: 'timestamp' };
		case DuckDBTypeId.TIMESTAMP_TZ:
			return { type: 'TIMESTAMP WITH TIME ZONE', kind: 'timestamp' };
		case DuckDBTypeId.TIME:
			return { type: 'TIME', kind: 'time' };
		case DuckDBTypeId.LIST:
		case DuckDBTypeId.ARRAY:
			return { type: `${describeNativeType((type as DuckDBListType | DuckDBArrayType).valueType).type}[]`, kind: 'nested' };
		case DuckDBTypeId.STRUCT:
			return { type: 'STRUCT', kind: 'nested' };
		case DuckDBTypeId.MAP:
			return { type: 'MAP', kind: 'nested' };
		case DuckDBTypeId.BLOB:
			return { type: 'BLOB', kind: 'other' };
		case DuckDBTypeId.INTERVAL:
			return { type: 'INTERVAL', kind: 'other' };
		default:
			return { type: type.toString().toUpperCase(), kind: 'other' };
	}
}

export function nativeColumn(name: string, type: DuckDBType): ColumnInfo {
	return { name, ...describeNativeType(type) };
}

const MS_PER_DAY = 86_400_000;

/** How one column's non-NULL values become page values. */
export function nativeConverter(type: DuckDBType): NativeConvert {
	switch (type.typeId) {
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
			return (raw) => bigintToValue(raw as bigint);
		case DuckDBTypeId.DECIMAL:
			return (raw) => {
				const d = raw as DuckDBDecimalValue;
				return decimalToValue(d.value, d.scale);
			};
		case DuckDBTypeId.DATE:
			return (raw) => new Date((raw as DuckDBDateValue).days * MS_PER_DAY);
		// Arrow hands the page milliseconds, truncated toward zero, as BigInt division does.
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return (raw) => new Date(Number((raw as DuckDBTimestampValue).micros / 1000n));
		case DuckDBTypeId.TIMESTAMP_S:
			return (raw) => new Date(Number((raw as DuckDBTimestampSecondsValue).seconds) * 1000);
		case DuckDBTypeId.TIMESTAMP_MS:
			return (raw) => new Date(Number((raw as DuckDBTimestampMillisecondsValue).millis));
		case DuckDBTypeId.TIMESTAMP_NS:
			return (raw) => new Date(Number((raw as DuckDBTimestampNanosecondsValue).nanos / 1_000_000n));
		case DuckDBTypeId.TIME:
			return (raw) => formatTime((raw as DuckDBTimeValue).micros);
		case DuckDBTypeId.LIST:
		case DuckDBTypeId.ARRAY: {
			const item = nativeConverter((type as DuckDBListType | DuckDBArrayType).valueType);
			return (raw) => (raw as DuckDBListValue).items.map((v) => (v === null ? null : item(v)));
		}
		case DuckDBTypeId.STRUCT: {
			const s = type as DuckDBStructType;
			const fields = s.entryNames.map((name, i) => [name, nativeConverter(s.entryTypes[i])] as const);
			return (raw) => {
				const entries = (raw as DuckDBStructValue).entries;
				const out: Record<string, Value> = {};
				for (const [name, convert] of fields) out[name] = entries[name] == null ? null : convert(entries[name]);
				return out;
			};
		}
		case DuckDBTypeId.MAP: {
			const m = type as DuckDBMapType;
			const key = nativeConverter(m.keyType);
			const value = nativeConverter(m.valueType);
			return (raw) => {
				const out: Record<string, Value> = {};
				for (const e of (raw as DuckDBMapValue).entries) out[String(e.key === null ? null : key(e.key))] = e.value === null ? null : value(e.value);
				return out;
			};
		}
		case DuckDBTypeId.BLOB:
			return (raw) => Array.from((raw as DuckDBBlobValue).bytes, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.VARCHAR:
		case DuckDBTypeId.BOOLEAN:
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
		case DuckDBTypeId.UINTEGER:
			return (raw) => raw as Value;
		default:
			// ENUM and VARCHAR arrive as strings; UUID, INTERVAL and the rest print as DuckDB does.
			return (raw) => (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw));
	}
}

function formatTime(micros: bigint): string {
	const seconds = Number(micros / 1_000_000n);
	return [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
}
