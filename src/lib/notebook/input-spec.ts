import { isPlainObject } from './chart-spec';
import { isValidCellName } from './cell';

/** An input cell's control; its value is bound to the variable `$name`. */
export type InputSpec =
	| { type: 'number'; value: number; min?: number; max?: number; step?: number; label?: string }
	| { type: 'select'; value: string; options: string[]; label?: string }
	| { type: 'text'; value: string; label?: string }
	| { type: 'range'; value: number; min: number; max: number; step?: number; label?: string }
	/**
	 * Type to find one choice among many: `options` names the cell whose table lists them (a
	 * `value` column, and a `label` column searched and shown, if it has one). The list is
	 * searched in DuckDB as the user types, so it may hold hundreds of thousands of rows. An
	 * empty value means "none chosen": the SQL reading it decides the default.
	 */
	| { type: 'search'; value: string; options: string; label?: string; placeholder?: string };

type InputType = InputSpec['type'];
type Field = { check: (v: unknown) => boolean; expected: string; required?: boolean };

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown) => typeof v === 'string';
const number: Field = { check: isNumber, expected: 'a number' };
const step: Field = { check: (v) => isNumber(v) && (v as number) > 0, expected: 'a positive number' };
const label: Field = { check: isString, expected: 'a string' };

/** Every field each input type accepts, in one place. */
const INPUT_FIELDS: Record<InputType, Record<string, Field>> = {
	number: { type: { check: isString, expected: '"number"' }, value: { ...number, required: true }, min: number, max: number, step, label },
	select: {
		type: { check: isString, expected: '"select"' },
		value: { check: isString, expected: 'a string', required: true },
		options: { check: (v) => Array.isArray(v) && v.length > 0 && v.every(isString), expected: 'a non-empty array of strings', required: true },
		label
	},
	text: { type: { check: isString, expected: '"text"' }, value: { check: isString, expected: 'a string', required: true }, label },
	search: {
		type: { check: isString, expected: '"search"' },
		value: { check: isString, expected: 'a string', required: true },
		options: { check: (v) => isString(v) && isValidCellName(v), expected: 'the name of the cell listing the choices', required: true },
		label,
		placeholder: label
	},
	range: {
		type: { check: isString, expected: '"range"' },
		value: { ...number, required: true },
		min: { ...number, required: true },
		max: { ...number, required: true },
		step,
		label
	}
};

const EXAMPLE = '{"type": "number", "value": 10, "min": 1, "max": 100}';

export function validateInputSpec(value: unknown): { ok: true; spec: InputSpec } | { ok: false; error: string } {
	if (!isPlainObject(value)) return { ok: false, error: `an input spec must be a JSON object, e.g. ${EXAMPLE}` };
	const type = value.type;
	if (typeof type !== 'string' || !Object.hasOwn(INPUT_FIELDS, type)) {
		return { ok: false, error: `invalid input type ${JSON.stringify(type)} (allowed: ${Object.keys(INPUT_FIELDS).join(', ')})` };
	}
	const fields = INPUT_FIELDS[type as InputType];
	for (const [key, v] of Object.entries(value)) {
		const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
		if (field === undefined) return { ok: false, error: `invalid ${type} input option "${key}" (allowed: ${Object.keys(fields).join(', ')})` };
		if (!field.check(v)) return { ok: false, error: `invalid ${key}: expected ${field.expected}, got ${JSON.stringify(v)}` };
	}
	for (const [key, field] of Object.entries(fields)) {
		if (field.required && !(key in value)) return { ok: false, error: `missing "${key}" in ${type} input` };
	}
	const error = rangeError(value);
	return error === null ? { ok: true, spec: value as unknown as InputSpec } : { ok: false, error };
}

function rangeError(spec: Record<string, unknown>): string | null {
	const { value, min, max, options } = spec;
	if (typeof min === 'number' && typeof max === 'number' && min > max) return `invalid min ${min}: greater than max ${max}`;
	if (typeof value === 'number' && typeof min === 'number' && value < min) return `invalid value ${value}: less than min ${min}`;
	if (typeof value === 'number' && typeof max === 'number' && value > max) return `invalid value ${value}: greater than max ${max}`;
	if (spec.type === 'select' && Array.isArray(options) && !options.includes(value)) {
		return `invalid value ${JSON.stringify(value)}: not one of the options ${JSON.stringify(options)}`;
	}
	return null;
}
