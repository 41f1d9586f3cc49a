// Arrow record batches ⇄ typed arrays (columnar-client.ts). Kept apart from arrow-convert.ts,
// which turns results into row values for views.
import { DataType, tableFromArrays, tableToIPC, type RecordBatch } from 'apache-arrow';
import type { Columns, NumericArray } from './columnar-client';

type ArrayKind = 'f32' | 'f64' | 'i32' | 'u8';

function kindOf(type: DataType, name: string): ArrayKind {
	if (DataType.isFloat(type)) return type.precision === 1 ? 'f32' : 'f64';
	if (DataType.isInt(type)) {
		if (type.bitWidth === 8 && !type.isSigned) return 'u8';
		if (type.bitWidth <= 32 && (type.isSigned || type.bitWidth < 32)) return 'i32';
		return 'f64'; // BIGINT, UINTEGER: exact as doubles up to 2^53, e.g. every user id
	}
	if (DataType.isBool(type)) return 'u8';
	throw new Error(`column ${name} is ${type}: cast it to a number (FLOAT, DOUBLE or INTEGER) in the SQL`);
}

const allocate = (kind: ArrayKind, n: number): NumericArray =>
	kind === 'f32' ? new Float32Array(n) : kind === 'f64' ? new Float64Array(n) : kind === 'i32' ? new Int32Array(n) : new Uint8Array(n);

/** Collects a streamed result's batches, then copies each column once into one typed array. */
export class ColumnCollector {
	readonly #batches: RecordBatch[] = [];

	add(batch: RecordBatch): void {
		this.#batches.push(batch);
	}

	finish(): Columns {
		const first = this.#batches[0];
		if (!first) return { names: [], arrays: [], rows: 0 };
		const fields = first.schema.fields;
		const rows = this.#batches.reduce((n, b) => n + b.numRows, 0);
		const kinds = fields.map((f) => kindOf(f.type, f.name));
		const arrays = kinds.map((k) => allocate(k, rows));
		let offset = 0;
		for (const batch of this.#batches) {
			if (batch.numRows === 0) continue;
			fields.forEach((field, c) => {
				const vector = batch.getChildAt(c)!;
				const target = arrays[c];
				const values = vector.toArray() as ArrayLike<number | bigint | boolean>;
				if (typeof values[0] === 'bigint' || typeof values[0] === 'boolean') {
					for (let i = 0; i < batch.numRows; i++) target[offset + i] = Number(values[i]);
				} else {
					target.set(values as ArrayLike<number>, offset);
				}
				if (vector.nullCount > 0) {
					if (kinds[c] !== 'f32' && kinds[c] !== 'f64') {
						throw new Error(`column ${field.name} has NULLs: cast it to FLOAT or DOUBLE (NULL reads as NaN) or coalesce it in the SQL`);
					}
					for (let i = 0; i < batch.numRows; i++) if (!vector.isValid(i)) target[offset + i] = NaN;
				}
			});
			offset += batch.numRows;
		}
		this.#batches.length = 0;
		return { names: fields.map((f) => f.name), arrays, rows };
	}
}

/** `columns` as an Arrow IPC stream, for DuckDB's insertArrowFromIPCStream. */
export function columnsToIPC(columns: Columns): Uint8Array {
	for (const a of columns.arrays) {
		if (a.length !== columns.rows) throw new Error(`invalid columns: ${a.length} values where ${columns.rows} rows were declared`);
	}
	const table = tableFromArrays(Object.fromEntries(columns.names.map((n, i) => [n, columns.arrays[i]])));
	return tableToIPC(table, 'stream');
}
