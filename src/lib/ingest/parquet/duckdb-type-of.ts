// The DuckDB type DuckDB-WASM gives an inserted Arrow column, so schema messages speak the type
// names users see in SQL (DESCRIBE), and the mapping to the event schema knows what it casts.
import { DataType, Precision, TimeUnit, type Dictionary } from 'apache-arrow';

export function duckdbTypeOf(type: DataType): string {
	if (DataType.isNull(type)) return 'NULL';
	if (DataType.isBool(type)) return 'BOOLEAN';
	if (DataType.isInt(type)) {
		const names = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' } as const;
		return (type.isSigned ? '' : 'U') + names[type.bitWidth];
	}
	if (DataType.isFloat(type)) return type.precision === Precision.DOUBLE ? 'DOUBLE' : 'FLOAT';
	if (DataType.isDecimal(type)) return `DECIMAL(${type.precision},${type.scale})`;
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'VARCHAR';
	if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type)) return 'BLOB';
	if (DataType.isDate(type)) return 'DATE';
	if (DataType.isTime(type)) return 'TIME';
	if (DataType.isTimestamp(type)) {
		// Arrow stores zoned timestamps as UTC instants; DuckDB makes any zone a TIMESTAMPTZ.
		if (type.timezone) return 'TIMESTAMPTZ';
		const units = {
			[TimeUnit.SECOND]: 'TIMESTAMP_S',
			[TimeUnit.MILLISECOND]: 'TIMESTAMP_MS',
			[TimeUnit.MICROSECOND]: 'TIMESTAMP',
			[TimeUnit.NANOSECOND]: 'TIMESTAMP_NS'
		};
		return units[type.unit];
	}
	// DuckDB decodes dictionary-encoded columns (pandas categoricals) to their value type.
	if (DataType.isDictionary(type)) return duckdbTypeOf((type as Dictionary).dictionary);
	if (DataType.isList(type) || DataType.isFixedSizeList(type)) return 'LIST';
	if (DataType.isStruct(type)) return 'STRUCT';
	if (DataType.isMap(type)) return 'MAP';
	return String(type).toUpperCase();
}
