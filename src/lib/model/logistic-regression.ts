import type { FeatureMatrix } from './feature-matrix';
import { softplus } from './log-loss';
import { stopPoint } from './training-cancelled-error';
import type { ProgressCallback, StopCheck } from './training-progress';

/**
 * An L2 logistic regression on standardised features: z = (x − mean) / scale, a missing value
 * standing for the mean (z = 0). raw = intercept + Σ coefficients·z.
 */
export interface LogisticModel {
	format: 'cin-logistic';
	version: 1;
	featureNames: string[];
	/** Training mean of each feature (over its non-missing values). */
	mean: number[];
	/** Training standard deviation of each feature; 1 for a constant feature. */
	scale: number[];
	/** Per standardised feature: log-odds per standard deviation. */
	coefficients: number[];
	intercept: number;
	/** The same model in original units: log-odds per unit of the feature (missing → use the mean). */
	coefficientsOriginal: number[];
	interceptOriginal: number;
	lambda: number;
	/** Newton steps taken, and whether they converged before the limit. */
	iterations: number;
	converged: boolean;
}

export interface LogisticParams {
	/**
	 * The objective is mean log loss + λ/2 · Σ coefficients² (standardised, intercept not
	 * penalised): scikit-learn's LogisticRegression with C = 1 / (λ · n). Default 1e-4.
	 */
	lambda: number;
}

export const LOGISTIC_DEFAULTS: LogisticParams = { lambda: 1e-4 };

const MAX_STEPS = 50;
/** Rows the Hessian is summed over (every ⌈n / this⌉-th row); the gradient uses them all. */
const HESSIAN_ROWS = 200_000;
// Run through vite-node, an imported function called per row is a getter call on the module namespace.
const logOnePlusExp = softplus;

export interface LogisticTraining {
	model: LogisticModel;
	/** Mean training log loss (without the penalty) after each Newton step. */
	trainLoss: number[];
}

/**
 * Fits by Newton's method (IRLS) with step halving: with a handful of features the Hessian is
 * small, the method converges in a few passes over the rows, and the result depends on nothing
 * but the data (no learning rate, no random start). Beyond 200,000 rows the Hessian is summed
 * over an evenly spaced 200,000 of them: it is most of a pass's work, and an approximate Hessian
 * only slows convergence (barely, at that size), while the exact gradient decides where it ends.
 */
export async function fitLogistic(
	matrix: FeatureMatrix,
	labels: Uint8Array,
	params: Partial<LogisticParams> = {},
	onProgress?: ProgressCallback,
	shouldStop?: StopCheck
): Promise<LogisticTraining> {
	const lambda = params.lambda ?? LOGISTIC_DEFAULTS.lambda;
	if (!(lambda >= 0)) throw new Error(`The logistic lambda must be ≥ 0; it is ${lambda}.`);
	const n = matrix.rows;
	const p = matrix.columns.length;
	const { mean, scale } = standardisation(matrix);
	let positives = 0;
	for (let i = 0; i < n; i++) positives += labels[i];
	if (positives === 0 || positives === n) {
		throw new Error(`The rows trained on all have label ${positives === 0 ? 0 : 1}: a model needs both buyers and non-buyers.`);
	}
	// beta[0] is the intercept, beta[1 + j] feature j's coefficient.
	let beta: Float64Array = new Float64Array(p + 1);
	beta[0] = Math.log(positives / (n - positives));
	const stride = Math.ceil(n / HESSIAN_ROWS);
	let pass = newtonPass(matrix, labels, mean, scale, beta, lambda, stride);
	const trainLoss: number[] = [];
	let steps = 0;
	let converged = false;
	while (steps < MAX_STEPS) {
		const delta = solve(pass.hessian, pass.gradient, p + 1);
		let factor = 1;
		let next: Float64Array;
		let nextPass: NewtonPass;
		for (;;) {
			next = beta.map((b, j) => b - factor * delta[j]);
			nextPass = newtonPass(matrix, labels, mean, scale, next, lambda, stride);
			if (nextPass.objective <= pass.objective + 1e-12 * Math.abs(pass.objective) || factor < 1e-6) break;
			factor /= 2;
		}
		const change = pass.objective - nextPass.objective;
		beta = next;
		pass = nextPass;
		steps++;
		trainLoss.push(pass.loss);
		onProgress?.({ phase: 'logistic', trees: steps, maxTrees: MAX_STEPS, trainLoss: pass.loss, validLoss: null });
		const largest = delta.reduce((m, d) => Math.max(m, Math.abs(d * factor)), 0);
		if (largest < 1e-8 || change <= 1e-14 * Math.max(1, Math.abs(pass.objective))) {
			converged = true;
			break;
		}
		await stopPoint(shouldStop);
	}
	const coefficients = Array.from(beta.subarray(1));
	const coefficientsOriginal = coefficients.map((c, j) => c / scale[j]);
	const interceptOriginal = beta[0] - coefficients.reduce((sum, c, j) => sum + (c * mean[j]) / scale[j], 0);
	return {
		model: {
			format: 'cin-logistic',
			version: 1,
			featureNames: [...matrix.names],
			mean,
			scale,
			coefficients,
			intercept: beta[0],
			coefficientsOriginal,
			interceptOriginal,
			lambda,
			iterations: steps,
			converged
		},
		trainLoss
	};
}

/** Raw scores (log-odds) of every row of a matrix with the model's features. */
export function predictLogisticRaw(model: LogisticModel, matrix: FeatureMatrix): Float64Array {
	if (matrix.names.length !== model.featureNames.length || matrix.names.some((name, f) => name !== model.featureNames[f])) {
		throw new Error(`The matrix's features (${matrix.names.join(', ')}) are not the model's (${model.featureNames.join(', ')}).`);
	}
	const raw = new Float64Array(matrix.rows).fill(model.intercept);
	matrix.columns.forEach((column, j) => {
		const c = model.coefficients[j];
		const m = model.mean[j];
		const s = model.scale[j];
		for (let i = 0; i < raw.length; i++) {
			const x = column[i];
			if (x === x) raw[i] += (c * (x - m)) / s;
		}
	});
	return raw;
}

function standardisation(matrix: FeatureMatrix): { mean: number[]; scale: number[] } {
	const mean: number[] = [];
	const scale: number[] = [];
	for (const column of matrix.columns) {
		let count = 0;
		let sum = 0;
		for (let i = 0; i < column.length; i++) {
			const x = column[i];
			if (x === x) {
				count++;
				sum += x;
			}
		}
		const m = count === 0 ? 0 : sum / count;
		let squares = 0;
		for (let i = 0; i < column.length; i++) {
			const x = column[i];
			if (x === x) squares += (x - m) * (x - m);
		}
		const sd = count === 0 ? 0 : Math.sqrt(squares / count);
		mean.push(m);
		scale.push(sd > 0 && Number.isFinite(sd) ? sd : 1);
	}
	return { mean, scale };
}

interface NewtonPass {
	/** Mean log loss. */
	loss: number;
	/** loss + λ/2 · Σ coefficients². */
	objective: number;
	gradient: Float64Array;
	/** Row-major (p+1)², both triangles filled. */
	hessian: Float64Array;
}

/** Loss, gradient and Hessian (over every stride-th row) of the objective at beta, in one pass over the rows. */
function newtonPass(matrix: FeatureMatrix, labels: Uint8Array, mean: number[], scale: number[], beta: Float64Array, lambda: number, stride: number): NewtonPass {
	const n = matrix.rows;
	const d = beta.length;
	const z = new Float64Array(d);
	const gradient = new Float64Array(d);
	const hessian = new Float64Array(d * d);
	const offsets = Float64Array.from(mean);
	const inverse = Float64Array.from(scale, (s) => 1 / s);
	const columns = matrix.columns;
	let loss = 0;
	let hessianRows = 0;
	z[0] = 1;
	for (let i = 0; i < n; i++) {
		let eta = beta[0];
		for (let j = 1; j < d; j++) {
			const x = columns[j - 1][i];
			const v = x === x ? (x - offsets[j - 1]) * inverse[j - 1] : 0;
			z[j] = v;
			eta += beta[j] * v;
		}
		const y = labels[i];
		const prob = 1 / (1 + Math.exp(-eta));
		loss += logOnePlusExp(eta) - y * eta;
		const residual = prob - y;
		for (let j = 0; j < d; j++) gradient[j] += residual * z[j];
		if (i % stride === 0) {
			accumulate(z, prob * (1 - prob), hessian, d);
			hessianRows++;
		}
	}
	let penalty = 0;
	for (let j = 1; j < d; j++) penalty += beta[j] * beta[j];
	for (let j = 0; j < d; j++) {
		gradient[j] = gradient[j] / n + (j > 0 ? lambda * beta[j] : 0);
		for (let l = j; l < d; l++) {
			const value = hessian[j * d + l] / hessianRows + (j === l && j > 0 ? lambda : 0) + (j === l ? 1e-12 : 0);
			hessian[j * d + l] = value;
			hessian[l * d + j] = value;
		}
	}
	return { loss: loss / n, objective: loss / n + (lambda / 2) * penalty, gradient, hessian };
}

/** Upper triangle of hessian += weight·z·zᵀ. */
function accumulate(z: Float64Array, weight: number, hessian: Float64Array, d: number): void {
	for (let j = 0; j < d; j++) {
		const wz = weight * z[j];
		const row = j * d;
		for (let l = j; l < d; l++) hessian[row + l] += wz * z[l];
	}
}

/** Solves H·x = g for a symmetric positive definite H (Cholesky). */
function solve(hessian: Float64Array, gradient: Float64Array, d: number): Float64Array {
	const lower = new Float64Array(d * d);
	for (let j = 0; j < d; j++) {
		for (let i = j; i < d; i++) {
			let sum = hessian[i * d + j];
			for (let k = 0; k < j; k++) sum -= lower[i * d + k] * lower[j * d + k];
			if (i === j) lower[j * d + j] = Math.sqrt(Math.max(sum, 1e-300));
			else lower[i * d + j] = sum / lower[j * d + j];
		}
	}
	const y = new Float64Array(d);
	for (let i = 0; i < d; i++) {
		let sum = gradient[i];
		for (let k = 0; k < i; k++) sum -= lower[i * d + k] * y[k];
		y[i] = sum / lower[i * d + i];
	}
	const x = new Float64Array(d);
	for (let i = d - 1; i >= 0; i--) {
		let sum = y[i];
		for (let k = i + 1; k < d; k++) sum -= lower[k * d + i] * x[k];
		x[i] = sum / lower[i * d + i];
	}
	return x;
}
