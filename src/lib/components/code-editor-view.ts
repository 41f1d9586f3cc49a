// CodeMirror 6 set up for a cell: its own module, loaded when the first editor is created
// (after first paint), so the page's first JavaScript does not carry the editor and SQL parser.
import { EditorView, keymap, lineNumbers, highlightActiveLine, placeholder as placeholderExt } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { EDITOR_KEYS, type NotebookAction } from '../app/shortcuts';
import { editorTheme, setEditorTheme, themeCompartment } from './editor-theme';
import { sqlCompletion, type CompletionSchemaSource } from './editor-completion';
import { errorMarks } from './editor-error-mark';
import { formatKeymap } from './editor-format';
import { restoreState } from './editor-history';

export { setEditorTheme };
export { showRunError, type RunError } from './editor-error-mark';
export { formatEditor } from './editor-format';
export { keepHistory } from './editor-history';

export interface EditorOptions {
	parent: HTMLElement;
	doc: string;
	language: 'sql' | 'json' | 'markdown';
	placeholder: string;
	label: string;
	dark: boolean;
	onchange: (value: string) => void;
	/** Run, run and move on, or leave the editor (shortcuts.ts): returns whether it was handled. */
	onkey: (action: NotebookAction) => boolean;
	/** SQL cells: what completion offers (editor-completion.ts); with it come error marks and Format. */
	completion?: CompletionSchemaSource;
	/** The undo history is kept under this key when the editor goes, for the next one (editor-history.ts). */
	historyKey?: string;
}

// Built once: the SQL language support (keyword tables, parser config) is the same for every cell.
let sqlSupport: ReturnType<typeof sql> | null = null;

export function createEditorView(o: EditorOptions): EditorView {
	sqlSupport ??= sql({ dialect: PostgreSQL, upperCaseKeywords: true });
	return new EditorView({
		parent: o.parent,
		state: restoreState(o.historyKey, {
			doc: o.doc,
			extensions: [
				o.language === 'sql' && o.completion ? [formatKeymap(), sqlCompletion(o.completion), errorMarks()] : [],
				keymap.of([...EDITOR_KEYS.map(({ key, action }) => ({ key, run: () => o.onkey(action) })), indentWithTab, ...defaultKeymap, ...historyKeymap]),
				history(),
				lineNumbers(),
				highlightActiveLine(),
				bracketMatching(),
				themeCompartment.of(editorTheme(o.dark)),
				o.language === 'sql' ? sqlSupport : [],
				placeholderExt(o.placeholder),
				EditorView.lineWrapping,
				EditorView.contentAttributes.of({ 'aria-label': o.label }),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) o.onchange(update.state.doc.toString());
				})
			]
		})
	});
}

/** Replaces the editor's whole text (a change from outside: import, undo of a delete). */
export function replaceText(view: EditorView, text: string): void {
	if (view.state.doc.toString() !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
