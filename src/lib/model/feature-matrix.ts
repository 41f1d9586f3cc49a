/** Numeric features, column-major: one Float32Array per feature, NaN for a missing value. */
export interface FeatureMatrix {
	names: string[];
	columns: Float32Array[];
	rows: number;
}

/** Throws a sentence naming what is wrong with a matrix and its labels. */
export function checkFeatureMatrix(matrix: FeatureMatrix, labels: Uint8Array | null, what: string): void {
	if (matrix.columns.length !== matrix.names.length) {
		throw new Error(`The ${what} matrix has ${matrix.names.length} feature names but ${matrix.columns.length} columns.`);
	}
	if (matrix.names.length === 0) throw new Error(`The ${what} matrix has no features.`);
	matrix.columns.forEach((column, f) => {
		if (column.length !== matrix.rows) {
			throw new Error(`Feature ${matrix.names[f]} of the ${what} matrix has ${column.length} values for ${matrix.rows} rows.`);
		}
	});
	if (labels === null) return;
	if (labels.length !== matrix.rows) throw new Error(`The ${what} labels are ${labels.length} for ${matrix.rows} rows.`);
	for (let i = 0; i < labels.length; i++) {
		if (labels[i] > 1) throw new Error(`The ${what} labels must be 0 or 1; row ${i} has ${labels[i]}.`);
	}
}

/** The two matrices have the same features in the same order. */
export function checkSameFeatures(a: FeatureMatrix, b: FeatureMatrix): void {
	if (a.names.length !== b.names.length || a.names.some((name, f) => name !== b.names[f])) {
		throw new Error(`The training and test matrices have different features: ${a.names.join(', ')} / ${b.names.join(', ')}.`);
	}
}

/** A copy of some rows of a matrix, in the order given. */
export function selectRows(matrix: FeatureMatrix, rows: Uint32Array): FeatureMatrix {
	const columns = matrix.columns.map((column) => {
		const out = new Float32Array(rows.length);
		for (let k = 0; k < rows.length; k++) out[k] = column[rows[k]];
		return out;
	});
	return { names: [...matrix.names], columns, rows: rows.length };
}

export function selectLabels(labels: Uint8Array, rows: Uint32Array): Uint8Array {
	const out = new Uint8Array(rows.length);
	for (let k = 0; k < rows.length; k++) out[k] = labels[rows[k]];
	return out;
}
