// Format on demand (the cell's Format button, Shift+Alt+F): the cell's SQL rewritten by
// sql-editing/format-sql.ts as one change, so a single undo brings the text back.
import { keymap, type EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { formatSql } from '../sql-editing/format-sql';

export function formatEditor(view: EditorView): boolean {
	const text = view.state.doc.toString();
	const formatted = formatSql(text);
	if (formatted !== text) {
		view.dispatch({ changes: { from: 0, to: text.length, insert: formatted }, userEvent: 'input.format', scrollIntoView: true });
	}
	return true;
}

export function formatKeymap(): Extension {
	return keymap.of([{ key: 'Shift-Alt-f', run: formatEditor, preventDefault: true }]);
}
