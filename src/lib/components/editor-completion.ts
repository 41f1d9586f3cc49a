// SQL completion in a cell's editor: CodeMirror's autocompletion over the framework-free source
// (sql-editing/complete-sql.ts). What can be completed is asked for at each completion, so it
// is always the notebook's current cells, results and catalog.
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import { completeSql, type CompletionKind, type CompletionSchema } from '../sql-editing/complete-sql';

export type CompletionSchemaSource = () => CompletionSchema | Promise<CompletionSchema>;

const ICONS: Record<CompletionKind, string> = {
	table: 'class',
	column: 'property',
	function: 'function',
	keyword: 'keyword',
	schema: 'namespace',
	variable: 'variable'
};

export function sqlCompletion(schema: CompletionSchemaSource): Extension {
	const source = async (context: CompletionContext): Promise<CompletionResult | null> => {
		const known = await schema();
		if (context.aborted) return null;
		const result = completeSql(context.state.doc.toString(), context.pos, known, context.explicit);
		if (result === null) return null;
		const options: Completion[] = result.options.map((o) => ({
			label: o.label,
			type: ICONS[o.kind],
			detail: o.detail,
			info: o.info,
			boost: o.boost
		}));
		// Typing more of the same word only narrows the list: CodeMirror filters it without asking again.
		return { from: result.from, to: result.to, options, validFor: /^["$]?[\w\u0080-\uffff]*$/ };
	};
	return autocompletion({ override: [source], icons: true, maxRenderedOptions: 80 });
}
