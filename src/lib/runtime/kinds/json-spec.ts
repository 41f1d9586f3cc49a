// Chart and input cells hold a JSON spec. Read once here, so a file check and a run report
// the same problem in the same words: where the JSON breaks, or what the validator refused.
import { locateJsonError } from '../../notebook/json-error';
import type { SpecProblem } from '../../notebook';

export type SpecResult<Spec> = { ok: true; spec: Spec } | { ok: false; problem: SpecProblem };

export function readJsonSpec<Spec>(
	source: string,
	validate: (value: unknown) => { ok: true; spec: Spec } | { ok: false; error: string },
	example: string
): SpecResult<Spec> {
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (e) {
		const where = locateJsonError(source);
		const reason = where ? `${where.reason} at column ${where.column + 1}` : e instanceof Error ? e.message.split('\n')[0] : String(e);
		return { ok: false, problem: { message: `not valid JSON (${reason}); write its spec as a JSON object, e.g. ${example}`, line: where?.line ?? 0 } };
	}
	const checked = validate(value);
	return checked.ok ? checked : { ok: false, problem: { message: checked.error } };
}

/** The spec, or an error whose message is the problem (a run reports it on the cell). */
export function specOrThrow<Spec>(result: SpecResult<Spec>): Spec {
	if (!result.ok) throw new Error(result.problem.message);
	return result.spec;
}
