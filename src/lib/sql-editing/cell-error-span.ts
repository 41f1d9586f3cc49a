// A SQL cell's error, placed in the cell's own text. DuckDB reports positions in the SQL it ran,
// which is not the cell's text: `$name` became getvariable('name') (runtime/bind-variables.ts),
// and a named cell's query ran inside `CREATE OR REPLACE TABLE nb.<name> AS (…)` followed by its
// record and preview (runtime/kinds/sql-kind.ts). The query is found in what ran and the
// position carried back through the variable substitutions.
import { lexSql } from '../notebook/sql-tokens';
import { splitStatements } from '../data/statements';
import { bindVariables } from '../runtime/bind-variables';
import { errorSpan, type TextSpan } from './error-span';

/** A `$name` of the cell's text and what it became in the SQL that ran. */
interface Substitution {
	source: TextSpan;
	bound: TextSpan;
}

/** The span of `source` the error points at, or null when it points at none of it. */
export function cellErrorSpan(source: string, error: { message: string; sql?: string }): TextSpan | null {
	const ran = error.sql ?? source;
	const span = errorSpan(error.message, ran);
	if (span === null) return null;
	const { text: bound, substitutions } = bindAll(source);
	const query = ran === bound ? bound : (splitStatements(bound)[0] ?? bound);
	const base = ran === bound ? 0 : ran.indexOf(query);
	if (base < 0 || span.from < base || span.to > base + query.length) return null;
	return {
		from: toSource(span.from - base, substitutions, 'start'),
		to: toSource(span.to - base, substitutions, 'end')
	};
}

/** The cell's text with every variable bound as a run binds it, and where each went. */
function bindAll(source: string): { text: string; substitutions: Substitution[] } {
	let text = '';
	let at = 0;
	const substitutions: Substitution[] = [];
	for (const token of lexSql(source)) {
		if (token.kind !== 'variable') continue;
		const replacement = bindVariables(source.slice(token.start, token.end), new Set([token.value]));
		text += source.slice(at, token.start);
		substitutions.push({ source: { from: token.start, to: token.end }, bound: { from: text.length, to: text.length + replacement.length } });
		text += replacement;
		at = token.end;
	}
	return { text: text + source.slice(at), substitutions };
}

/** An offset of the bound text in the source; inside a substitution, its variable's start or end. */
function toSource(offset: number, substitutions: Substitution[], side: 'start' | 'end'): number {
	let shift = 0;
	for (const s of substitutions) {
		if (offset < s.bound.from || (side === 'end' && offset === s.bound.from)) break;
		if (offset < s.bound.to || (side === 'end' && offset === s.bound.to)) return side === 'start' ? s.source.from : s.source.to;
		shift = s.bound.to - s.source.to;
	}
	return offset - shift;
}
