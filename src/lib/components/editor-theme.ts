// The cell editor's colours: one CodeMirror theme per page theme, held in a Compartment so a
// theme switch reconfigures every open editor in place (text, selection and undo history stay).
// Base colours come from app.css's variables; token colours are per theme, because
// CodeMirror's default highlight style (purple keywords, dark red strings) is unreadable on a
// dark background. Each dark token colour has at least 4.5:1 contrast on --code-bg.
import { Compartment, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { HighlightStyle, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';

export const themeCompartment = new Compartment();

// The default style's rules with each colour swapped for one that reads on a dark background
// (GitHub's dark palette), so both themes mark up the same tokens.
const DARK_COLOURS: Record<string, string> = {
	'#404740': '#8b949e', // meta
	'#708': '#ff7b72', // keyword
	'#219': '#79c0ff', // atom, bool, url
	'#164': '#7ee787', // literal (numbers)
	'#a11': '#a5d6ff', // string
	'#e40': '#ffa657', // regexp, escape
	'#00f': '#d2a8ff', // variable definition
	'#30a': '#d2a8ff', // local variable
	'#085': '#ffa657', // type, namespace
	'#167': '#ffa657', // class
	'#256': '#d2a8ff', // special variable, macro
	'#00c': '#7ee787', // property definition
	'#940': '#8b949e', // comment
	'#f00': '#ff7b72' // invalid
};
export const DARK_HIGHLIGHT = HighlightStyle.define(
	defaultHighlightStyle.specs.map((spec) => (typeof spec.color === 'string' ? { ...spec, color: DARK_COLOURS[spec.color] ?? 'var(--text)' } : spec))
);

function base(dark: boolean): Extension {
	return EditorView.theme(
		{
			'&': { color: 'var(--text)', backgroundColor: 'var(--code-bg)' },
			'.cm-content': { caretColor: 'var(--text)' },
			'.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
			'.cm-gutters': { backgroundColor: 'transparent', color: 'var(--faint)', border: 'none' },
			'.cm-activeLine': { backgroundColor: dark ? '#ffffff0d' : '#cceeff44' },
			'.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--text)' },
			'&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
				backgroundColor: dark ? '#264f78' : '#d7d4f0'
			},
			'.cm-matchingBracket': { backgroundColor: dark ? '#3fb95040' : '#328c8252', outline: 'none' }
		},
		{ dark }
	);
}

// Built once per theme and shared by every editor: each EditorView.theme() call makes a new
// stylesheet, and one per editor would restyle the whole page as each editor is created.
const themes = new Map<boolean, Extension>();

/** The editor theme for a light or dark page. */
export function editorTheme(dark: boolean): Extension {
	let theme = themes.get(dark);
	if (!theme) {
		theme = [base(dark), syntaxHighlighting(dark ? DARK_HIGHLIGHT : defaultHighlightStyle, { fallback: true })];
		themes.set(dark, theme);
	}
	return theme;
}

/** Re-themes an open editor. */
export function setEditorTheme(view: EditorView, dark: boolean): void {
	view.dispatch({ effects: themeCompartment.reconfigure(editorTheme(dark)) });
}
