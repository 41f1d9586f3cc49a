// How a named SQL cell keeps its result. By default it is written once as the table `nb.<name>`,
// so every reader and every reload gets it without running the query again. A cell that only
// filters or relabels a large table may say `view` in its fence instead
// (```sql name=features_test view```): its result is then the view `nb.<name>`, which a reader
// computes as it reads. Writing millions of rows costs seconds that a filter read a few times
// never does; an aggregate read by many cells is better kept as a table.
//
// The storage never changes what a cell computes, only where it lives, so it is not part of the
// cell's fingerprint: switching it rebuilds that one cell's result the other way, and the cells
// reading it keep theirs.
//
// A view reads `$input`s (getvariable) when it is read, not when it is defined. Changing an input
// re-runs the cells that read it, so every result is the same as a table's; what differs is a
// read outside a run: the page paging a view's rows reads the inputs' values of that moment.
import type { CellData } from './cell';

export type CellStorage = 'table' | 'view';

/** The fence attribute that keeps a cell's result as a view. */
export const VIEW_ATTRIBUTE = 'view';

/** Only a named SQL cell defines a relation from one query; on any other cell `view` means nothing. */
export function cellStorage(cell: Pick<CellData, 'kind' | 'name' | 'attrs'>): CellStorage {
	return cell.kind === 'sql' && cell.name !== null && cell.attrs[VIEW_ATTRIBUTE] === 'true' ? 'view' : 'table';
}
