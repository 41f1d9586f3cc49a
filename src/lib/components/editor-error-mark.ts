// The span of a cell's text its last run's error points at, underlined in the editor
// (sql-editing/cell-error-span.ts finds it). Any edit clears it: the text no longer is what ran.
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { cellErrorSpan } from '../sql-editing/cell-error-span';

/** A failed run as the cell's state holds it: DuckDB's message and the SQL that ran. */
export interface RunError {
	message: string;
	sql?: string;
}

export interface ErrorMark {
	from: number;
	to: number;
	message: string;
}

const setErrorMark = StateEffect.define<ErrorMark | null>();

const errorMarkField = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(marks, tr) {
		for (const effect of tr.effects) {
			if (!effect.is(setErrorMark)) continue;
			const mark = effect.value;
			if (mark === null) return Decoration.none;
			const length = tr.state.doc.length;
			const from = Math.max(0, Math.min(mark.from, length - 1));
			const to = Math.min(length, Math.max(mark.to, from + 1));
			if (length === 0) return Decoration.none;
			const deco = Decoration.mark({ class: 'cm-sql-error', attributes: { title: mark.message, 'data-testid': 'sql-error-mark' } });
			return Decoration.set([deco.range(from, to)]);
		}
		return tr.docChanged ? Decoration.none : marks;
	},
	provide: (field) => EditorView.decorations.from(field)
});

const errorMarkTheme = EditorView.baseTheme({
	'.cm-sql-error': {
		textDecoration: 'underline wavy #d93025',
		textDecorationSkipInk: 'none',
		textUnderlineOffset: '3px',
		backgroundColor: 'rgba(217, 48, 37, 0.08)'
	}
});

export function errorMarks(): Extension {
	return [errorMarkField, errorMarkTheme];
}

/** Underlines where `error` points in the editor's text (which must be the text that ran), or nothing. */
export function showRunError(view: EditorView, error: RunError | null): void {
	const span = error && cellErrorSpan(view.state.doc.toString(), error);
	showErrorMark(view, span && { ...span, message: error!.message });
}

/** Shows `mark` (null: none) in the editor. */
export function showErrorMark(view: EditorView, mark: ErrorMark | null): void {
	const current = view.state.field(errorMarkField, false);
	if (current === undefined || (mark === null && current.size === 0)) return;
	view.dispatch({ effects: setErrorMark.of(mark) });
}
