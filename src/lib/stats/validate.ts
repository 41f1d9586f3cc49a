/** Input checks for the statistics library: each throws an Error naming the parameter and its valid range. */

function show(value: unknown): string {
	return typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
}

function fail(name: string, value: unknown, range: string): never {
	throw new Error(`invalid ${name}: ${show(value)} (${range})`);
}

export function checkFinite(name: string, value: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, value, 'must be a finite number');
	return value;
}

/** A probability strictly between 0 and 1 (alpha, power, a rate being planned, a confidence level). */
export function checkUnitInterval(name: string, value: number): number {
	if (typeof value !== 'number' || !(value > 0 && value < 1)) fail(name, value, 'must be between 0 and 1');
	return value;
}

/** A probability in [0, 1] (an observed rate, a scenario probability). */
export function checkClosedUnitInterval(name: string, value: number): number {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail(name, value, 'must be between 0 and 1 inclusive');
	return value;
}

export function checkPositive(name: string, value: number): number {
	if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) fail(name, value, 'must be a finite number > 0');
	return value;
}

export function checkNonNegative(name: string, value: number): number {
	if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) fail(name, value, 'must be a finite number >= 0');
	return value;
}

export function checkInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		fail(name, value, max === Number.MAX_SAFE_INTEGER ? `must be an integer >= ${min}` : `must be an integer between ${min} and ${max}`);
	}
	return value;
}

export function checkSides(value: number): 1 | 2 {
	if (value !== 1 && value !== 2) fail('sides', value, 'must be 1 or 2');
	return value;
}

export function checkOneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
	if (!allowed.includes(value)) fail(name, value, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
	return value;
}

/** Successes x out of n trials: integers with 0 <= x <= n and n >= minN. */
export function checkCount(xName: string, x: number, nName: string, n: number, minN = 1): void {
	checkInteger(nName, n, minN);
	checkInteger(xName, x, 0, n);
}

/** A sample of finite numbers with at least min values. */
export function checkSample(name: string, values: ArrayLike<number>, min: number): ArrayLike<number> {
	if (values == null || typeof values.length !== 'number') fail(name, values, 'must be an array of numbers');
	if (values.length < min) throw new Error(`invalid ${name}: ${values.length} values (must have at least ${min})`);
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i])) throw new Error(`invalid ${name}[${i}]: ${show(values[i])} (must be a finite number)`);
	}
	return values;
}
