// Prose. Rendered by the page from its source (through the safe element tree, never as HTML);
// nothing to run, and nothing another cell can read.
import { noReferences, PROSE_KIND } from '../../notebook';
import type { CellKind } from './cell-kind';

export const markdownKind: CellKind = {
	kind: PROSE_KIND,
	defines: null,
	template: 'Write **markdown** here.',
	references: noReferences,
	check: () => null,
	writes: () => [],
	reusable: () => true,
	run: async () => ({ kind: 'none' })
};
