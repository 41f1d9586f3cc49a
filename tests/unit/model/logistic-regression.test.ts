import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogisticRaw } from '../../../src/lib/model/logistic-regression';
import { createRandom } from '../../../src/lib/model/random';

/** Seeded rows with log-odds −1 + 2·x1 − 0.5·x2 (x1 ~ U[0, 4), x2 ~ U[−10, 10)); x3 is unrelated. */
function linearRows(n: number, seed: number) {
	const random = createRandom(seed);
	const columns = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
	const labels = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const x1 = Math.fround(random() * 4);
		const x2 = Math.fround(random() * 20 - 10);
		columns[0][i] = x1;
		columns[1][i] = x2;
		columns[2][i] = Math.fround(random());
		labels[i] = random() < 1 / (1 + Math.exp(-(-1 + 2 * x1 - 0.5 * x2))) ? 1 : 0;
	}
	return { matrix: { names: ['x1', 'x2', 'x3'], columns, rows: n }, labels };
}

describe('logistic regression', () => {
	it('recovers known coefficients, reported in original units', async () => {
		const { matrix, labels } = linearRows(40_000, 1);
		const { model } = await fitLogistic(matrix, labels, { lambda: 0 });
		expect(model.converged).toBe(true);
		expect(model.interceptOriginal).toBeCloseTo(-1, 0);
		expect(model.coefficientsOriginal[0]).toBeCloseTo(2, 1);
		expect(model.coefficientsOriginal[1]).toBeCloseTo(-0.5, 1);
		expect(Math.abs(model.coefficientsOriginal[2])).toBeLessThan(0.2);
		// Standardised coefficient = original · standard deviation.
		expect(model.coefficients[0]).toBeCloseTo(model.coefficientsOriginal[0] * model.scale[0], 10);
	});

	it('predicts the same in standardised and original units; a missing value counts as the mean', async () => {
		const { matrix, labels } = linearRows(5_000, 2);
		const { model } = await fitLogistic(matrix, labels);
		const raw = predictLogisticRaw(model, matrix);
		for (const i of [0, 1, 2, 999]) {
			const original = model.interceptOriginal + model.coefficientsOriginal.reduce((s, c, j) => s + c * matrix.columns[j][i], 0);
			expect(raw[i]).toBeCloseTo(original, 9);
		}
		const probe = { names: matrix.names, columns: [Float32Array.from([Number.NaN]), Float32Array.from([model.mean[1]]), Float32Array.from([Number.NaN])], rows: 1 };
		expect(predictLogisticRaw(model, probe)[0]).toBeCloseTo(model.intercept, 6);
	});

	it('shrinks the coefficients as lambda grows, and is deterministic', async () => {
		const { matrix, labels } = linearRows(5_000, 3);
		const weak = await fitLogistic(matrix, labels, { lambda: 1e-4 });
		const strong = await fitLogistic(matrix, labels, { lambda: 1 });
		expect(Math.abs(strong.model.coefficients[0])).toBeLessThan(Math.abs(weak.model.coefficients[0]) / 2);
		expect((await fitLogistic(matrix, labels, { lambda: 1e-4 })).model).toEqual(weak.model);
	});

	it('refuses labels of one class', async () => {
		const { matrix } = linearRows(100, 4);
		await expect(fitLogistic(matrix, new Uint8Array(100))).rejects.toThrow(/both buyers and non-buyers/);
	});
});
