import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../src/lib/data/error-message';

describe('errorMessage', () => {
	it("is an Error's message, else the value as text", () => {
		expect(errorMessage(new TypeError('bad'))).toBe('bad');
		expect(errorMessage('plain')).toBe('plain');
		expect(errorMessage(42)).toBe('42');
		expect(errorMessage(undefined)).toBe('undefined');
	});
});
