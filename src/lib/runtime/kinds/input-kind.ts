// Input cells: a control (number, select, text, range, search) whose value is the variable
// `$name` SQL cells read. The value is set through a prepared-statement parameter, never pasted
// into SQL. A search input reads its choices from a cell's table, so it depends on that cell.
import { noReferences, validateInputSpec, type CellData, type InputSpec } from '../../notebook';
import type { SqlClient } from '../../data/sql-client';
import type { CellKind } from './cell-kind';
import { readJsonSpec, specOrThrow } from './json-spec';
import { checkSearchValue } from './search-options';

const readInput = (cell: CellData) => readJsonSpec<InputSpec>(cell.source, validateInputSpec, '{"type": "number", "value": 10}');

/** Sets the input's variable; cheap, so it is done in every session (variables do not persist). */
async function setVariable(cell: CellData, client: SqlClient): Promise<InputSpec> {
	if (!cell.name) throw new Error('an input cell needs a name: it is the variable SQL cells read as $name');
	const spec = specOrThrow(readInput(cell));
	await client.setVariable(cell.name.toLowerCase(), spec.value);
	return spec;
}

export const inputKind: CellKind = {
	kind: 'input',
	defines: 'variable',
	template: '{ "type": "number", "value": 10, "min": 1, "max": 100 }',
	references: (cell) => {
		const refs = noReferences();
		const read = readInput(cell);
		if (read.ok && read.spec.type === 'search') refs.tables.add(read.spec.options.toLowerCase());
		return refs;
	},
	check: (cell) => {
		const read = readInput(cell);
		return read.ok ? null : read.problem;
	},
	writes: () => [],
	reusable: (_, shown) => shown?.kind === 'input',
	restore: async (cell, client) => {
		await setVariable(cell, client);
	},
	run: async (cell, { client, signal }) => {
		const spec = specOrThrow(readInput(cell));
		if (spec.type === 'search') await checkSearchValue(client, spec.options, spec.value, signal);
		return { kind: 'input', spec: await setVariable(cell, client) };
	}
};

/** The input's value as its spec holds it, with `value` replaced (the control was moved). */
export function withInputValue(source: string, value: number | string): string | null {
	try {
		return JSON.stringify({ ...JSON.parse(source), value });
	} catch {
		return null;
	}
}
