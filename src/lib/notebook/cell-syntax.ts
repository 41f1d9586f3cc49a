// What the document format and the dependency graph need to know of a cell kind. Each kind
// (src/lib/runtime/kinds/) implements it together with how it runs; the core takes the set of
// kinds as a parameter, so a new kind never edits the parser, the graph or the scheduler.
import type { CellData } from './cell';

export interface CellReferences {
	/** Lower-cased names of the tables the cell reads (a named cell's table or a dataset table). */
	tables: Set<string>;
	/** Lower-cased names of the `$variables` the cell reads. */
	variables: Set<string>;
}

export interface SpecProblem {
	message: string;
	/** 0-based line within the cell's source where the problem is, when known. */
	line?: number;
}

export interface CellSyntax {
	readonly kind: string;
	/** What the cell's name makes visible to other cells: a table, a `$variable`, or nothing (a label). */
	readonly defines: 'table' | 'variable' | null;
	/**
	 * Tables a named cell defines besides the one its name gives (a model's `<name>_metrics`,
	 * `<name>_scores`…): cells reading them depend on it. Must not throw.
	 */
	extraTables?(cell: CellData): string[];
	/** What the cell reads. Must not throw: a spec it cannot read reads nothing (its run reports why). */
	references(cell: CellData): CellReferences;
	/** For files read strictly: a problem with the spec that stops the cell from running, or null. */
	check(cell: CellData): SpecProblem | null;
}

/** The kinds a notebook may hold, by name. `markdown` (prose between fenced cells) is always one. */
export type CellSyntaxes = ReadonlyMap<string, CellSyntax>;

/** The kind of prose: everything in a notebook file that is not a fenced cell. */
export const PROSE_KIND = 'markdown';

export const noReferences = (): CellReferences => ({ tables: new Set(), variables: new Set() });

/** The kind's entry, or an error naming the kinds there are (a cell built in code with a typo). */
export function syntaxOf(kinds: CellSyntaxes, kind: string): CellSyntax {
	const syntax = kinds.get(kind);
	if (syntax === undefined) throw new Error(`unknown cell kind \`${kind}\`; the kinds are ${[...kinds.keys()].join(', ')}`);
	return syntax;
}
