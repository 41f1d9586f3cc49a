import { describe, expect, it } from 'vitest';
import { validateInputSpec } from '../../../src/lib/notebook/input-spec';

const errorOf = (value: unknown) => {
	const result = validateInputSpec(value);
	return result.ok ? null : result.error;
};

describe('validateInputSpec', () => {
	it('accepts each input type', () => {
		const specs = [
			{ type: 'number', value: 10, min: 1, max: 100, step: 1, label: 'Top N' },
			{ type: 'select', value: 'purchase', options: ['view', 'cart', 'purchase'], label: 'Event' },
			{ type: 'text', value: 'samsung' },
			{ type: 'range', value: 0.5, min: 0, max: 1, step: 0.05 },
			{ type: 'search', value: '', options: 'items', label: 'Item', placeholder: 'the most bought' }
		];
		for (const spec of specs) expect(validateInputSpec(spec)).toEqual({ ok: true, spec });
	});

	it('rejects an unknown type, listing the allowed ones', () => {
		expect(errorOf({ type: 'date', value: '2020-01-01' })).toBe('invalid input type "date" (allowed: number, select, text, search, range)');
		expect(errorOf([])).toMatch(/^an input spec must be a JSON object, e\.g\. /);
	});

	it('rejects an option the type does not have', () => {
		expect(errorOf({ type: 'text', value: 'x', options: ['x'] })).toBe('invalid text input option "options" (allowed: type, value, label)');
	});

	it('rejects values of the wrong type and missing required fields', () => {
		expect(errorOf({ type: 'number', value: '10' })).toBe('invalid value: expected a number, got "10"');
		expect(errorOf({ type: 'range', value: 1, min: 0 })).toBe('missing "max" in range input');
		expect(errorOf({ type: 'select', value: 'a', options: [] })).toBe('invalid options: expected a non-empty array of strings, got []');
		expect(errorOf({ type: 'number', value: 1, step: 0 })).toBe('invalid step: expected a positive number, got 0');
		expect(errorOf({ type: 'search', value: 'x' })).toBe('missing "options" in search input');
		expect(errorOf({ type: 'search', value: 'x', options: ['a'] })).toBe('invalid options: expected the name of the cell listing the choices, got ["a"]');
		expect(errorOf({ type: 'search', value: 'x', options: 'not a name' })).toBe('invalid options: expected the name of the cell listing the choices, got "not a name"');
	});

	it('rejects values outside their bounds or options', () => {
		expect(errorOf({ type: 'range', value: 5, min: 0, max: 1 })).toBe('invalid value 5: greater than max 1');
		expect(errorOf({ type: 'number', value: -1, min: 0 })).toBe('invalid value -1: less than min 0');
		expect(errorOf({ type: 'range', value: 1, min: 2, max: 1 })).toBe('invalid min 2: greater than max 1');
		expect(errorOf({ type: 'select', value: 'x', options: ['a', 'b'] })).toBe('invalid value "x": not one of the options ["a","b"]');
	});
});
