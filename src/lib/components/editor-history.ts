// A cell's undo history outlives its editor. Each editor keeps its own history (CodeMirror's
// history() per EditorView), but the editor goes when its cell's source is hidden (collapsed, a
// chart or markdown closed) and a new one starts empty; the state, history included, is kept
// here by cell when an editor goes and taken back by the next editor of that cell, if its text
// is still the same.
import { EditorState, type EditorStateConfig } from '@codemirror/state';
import { historyField } from '@codemirror/commands';
import type { EditorView } from '@codemirror/view';

const kept = new Map<string, unknown>();

export function keepHistory(key: string, view: EditorView): void {
	kept.set(key, view.state.toJSON({ history: historyField }));
}

/** The kept state for `key` with `config`'s extensions, or a new one when none was kept for this text. */
export function restoreState(key: string | undefined, config: EditorStateConfig & { doc: string }): EditorState {
	const json = key === undefined ? undefined : kept.get(key);
	if (key !== undefined) kept.delete(key);
	if (json && typeof json === 'object' && (json as { doc?: unknown }).doc === config.doc) {
		try {
			return EditorState.fromJSON(json, config, { history: historyField });
		} catch {
			// A state written by another version of the editor: start afresh.
		}
	}
	return EditorState.create(config);
}
