// A stats or model spec's parameters, read with their rules: a missing optional one takes its
// default, a value outside its range is an error naming the parameter and the range.
import { readColumn, readNumber, readText, type SpecRead } from '../spec-values';

export interface NumberRule {
	default?: number;
	min?: number;
	max?: number;
	/** Whether min and max themselves are allowed (default true). */
	inclusive?: boolean;
	integer?: boolean;
}

export class SpecParams {
	constructor(
		readonly spec: Readonly<Record<string, unknown>>,
		readonly read: SpecRead
	) {}

	has(name: string): boolean {
		return this.spec[name] !== undefined;
	}

	async number(name: string, rule: NumberRule = {}): Promise<number> {
		const raw = this.spec[name];
		if (raw === undefined) {
			if (rule.default === undefined) throw new Error(`missing "${name}": give a number, "$input" or "table.column"`);
			return rule.default;
		}
		const value = await readNumber(raw, name, this.read);
		const inclusive = rule.inclusive ?? true;
		const low = rule.min !== undefined && (inclusive ? value < rule.min : value <= rule.min);
		const high = rule.max !== undefined && (inclusive ? value > rule.max : value >= rule.max);
		if (low || high || (rule.integer && !Number.isInteger(value))) {
			const range = [rule.min !== undefined ? `${inclusive ? '≥' : '>'} ${rule.min}` : '', rule.max !== undefined ? `${inclusive ? '≤' : '<'} ${rule.max}` : '']
				.filter(Boolean)
				.join(' and ');
			throw new Error(`invalid ${name}: ${value} (must be ${rule.integer ? 'a whole number ' : ''}${range})`.replace(' )', ')'));
		}
		return value;
	}

	async text<T extends string>(name: string, options: readonly T[], fallback: T): Promise<T> {
		const raw = this.spec[name];
		if (raw === undefined) return fallback;
		const value = await readText(raw, name, this.read);
		if (!options.includes(value as T)) throw new Error(`invalid ${name}: ${JSON.stringify(value)} (allowed: ${options.join(', ')})`);
		return value as T;
	}

	async column(name: string): Promise<Float64Array> {
		if (this.spec[name] === undefined) throw new Error(`missing "${name}": give "table.column" or a list of numbers`);
		return readColumn(this.spec[name], name, this.read);
	}

	/** A JSON value written in the spec, as is (the method validates it). */
	json(name: string): unknown {
		return this.spec[name];
	}
}
