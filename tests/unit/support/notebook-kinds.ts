// The app's cell kinds, for tests of the notebook core that take them as a parameter.
import { syntaxOf, type CellData } from '../../../src/lib/notebook';
import { DEFAULT_KINDS } from '../../../src/lib/runtime/kinds/registry';

export { DEFAULT_KINDS };

/** What a cell reads, as the dependency graph sees it. */
export function cellReferences(cell: CellData) {
	return syntaxOf(DEFAULT_KINDS, cell.kind).references(cell);
}
