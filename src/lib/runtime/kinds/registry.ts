// The cell kinds a notebook may hold. A new kind is one module beside these and one entry here:
// the parser recognises its fence, the graph its references, the runtime runs it.
import type { CellSyntaxes } from '../../notebook';
import type { CellKind } from './cell-kind';
import { chartKind } from './chart-kind';
import { inputKind } from './input-kind';
import { markdownKind } from './markdown-kind';
import { sqlKind } from './sql-kind';
import { defaultTrainer, modelKind } from './model/model-kind';
import { statsKind } from './stats/stats-kind';

export type CellKinds = ReadonlyMap<string, CellKind> & CellSyntaxes;

/** A name is a fence's info word: lower-case letters, digits, `_` and `-`, starting with a letter. */
const KIND_NAME = /^[a-z][a-z0-9_-]*$/;

export function cellKinds(...kinds: CellKind[]): CellKinds {
	for (const { kind } of kinds) if (!KIND_NAME.test(kind)) throw new Error(`invalid cell kind name \`${kind}\`: use lower-case letters, digits, _ and -`);
	return new Map(kinds.map((k) => [k.kind, k]));
}

export const DEFAULT_KINDS: CellKinds = cellKinds(sqlKind, markdownKind, chartKind, inputKind, statsKind, modelKind(defaultTrainer));
