import type { InputSpec } from '../../src/lib/notebook';

/**
 * A value an analyst would switch an input to: the next step up (or down at the maximum), the
 * next option of a select. Text and search inputs keep their value (the dependants still
 * re-run): another search choice would need a query the bench does not make.
 */
export function alternativeValue(spec: InputSpec): number | string {
	switch (spec.type) {
		case 'number':
		case 'range': {
			const step = spec.step ?? 1;
			// Rounded so 0.1 + 0.2 stays 0.3: the value is shown and bound as typed.
			const round = (v: number) => Math.round(v * 1e9) / 1e9;
			const up = round(spec.value + step);
			const down = round(spec.value - step);
			if (spec.max === undefined || up <= spec.max) return up;
			if (spec.min === undefined || down >= spec.min) return down;
			return spec.value;
		}
		case 'select':
			return spec.options[(spec.options.indexOf(spec.value) + 1) % spec.options.length];
		case 'text':
		case 'search':
			return spec.value;
	}
}
