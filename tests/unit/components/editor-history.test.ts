// A cell's undo history across editors: the state CodeMirror keeps (no DOM needed) is saved when
// an editor goes and taken back by the next editor of the same cell.
import { describe, expect, it } from 'vitest';
import { EditorState, type Transaction } from '@codemirror/state';
import { history, undo } from '@codemirror/commands';
import type { EditorView } from '@codemirror/view';
import { keepHistory, restoreState } from '../../../src/lib/components/editor-history';

/** Just enough of an EditorView for keepHistory and the undo command: a state that transactions replace. */
function fakeView(state: EditorState) {
	const view = {
		state,
		dispatch(tr: Transaction) {
			view.state = tr.state;
		}
	};
	return view;
}

const typed = (view: ReturnType<typeof fakeView>, at: number, text: string) =>
	view.dispatch(view.state.update({ changes: { from: at, insert: text }, userEvent: 'input.type' }));

describe('editor history', () => {
	it("a cell's next editor undoes what was typed in its last one", () => {
		const first = fakeView(restoreState('cell-a', { doc: 'SELECT 1', extensions: [history()] }));
		typed(first, 8, ' AS one');
		keepHistory('cell-a', first as unknown as EditorView);

		const next = fakeView(restoreState('cell-a', { doc: 'SELECT 1 AS one', extensions: [history()] }));
		expect(next.state.doc.toString()).toBe('SELECT 1 AS one');
		undo(next);
		expect(next.state.doc.toString()).toBe('SELECT 1');
	});

	it("never gives one cell's history to another, nor to a changed text, nor twice", () => {
		const view = fakeView(restoreState('cell-b', { doc: 'SELECT 2', extensions: [history()] }));
		typed(view, 8, ' AS two');
		keepHistory('cell-b', view as unknown as EditorView);

		const other = fakeView(restoreState('cell-c', { doc: 'SELECT 2 AS two', extensions: [history()] }));
		expect(undo(other)).toBe(false);
		// The text changed meanwhile (an import): the kept history no longer applies.
		const changed = fakeView(restoreState('cell-b', { doc: 'SELECT 3', extensions: [history()] }));
		expect(undo(changed)).toBe(false);
		const again = fakeView(restoreState('cell-b', { doc: 'SELECT 2 AS two', extensions: [history()] }));
		expect(undo(again)).toBe(false);
	});
});
