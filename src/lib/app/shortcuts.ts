// The notebook's keyboard, as in Jupyter: an editor has the keys while it has focus (edit mode);
// Esc leaves it with the cell itself focused (command mode), where single keys act on the cell.
// Which key does what lives here, apart from the page, so it is tested without a browser and
// the help panel lists exactly what the handlers do.

export type NotebookAction =
	| 'run'
	| 'run-next'
	| 'command-mode'
	| 'edit'
	| 'insert-above'
	| 'insert-below'
	| 'delete'
	| 'undo-delete'
	| 'next'
	| 'previous'
	| 'toggle-code'
	| 'help';

/** A key press, as a KeyboardEvent describes it. */
export interface KeyPress {
	key: string;
	shiftKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
}

export interface Shortcut {
	/** How the help panel writes the keys. */
	keys: string;
	mode: 'edit' | 'command';
	action: NotebookAction;
	description: string;
}

/** Every shortcut, in the order the help panel lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
	{ keys: 'Shift+Enter', mode: 'edit', action: 'run-next', description: 'Run the cell (and what depends on it), then select the next cell' },
	{ keys: 'Ctrl/⌘+Enter', mode: 'edit', action: 'run', description: 'Run the cell and stay in it' },
	{ keys: 'Esc', mode: 'edit', action: 'command-mode', description: 'Leave the editor: the cell stays selected (command mode)' },
	{ keys: 'Enter', mode: 'command', action: 'edit', description: "Edit the selected cell's source" },
	{ keys: 'Shift+Enter', mode: 'command', action: 'run-next', description: 'Run the selected cell, then select the next one' },
	{ keys: 'Ctrl/⌘+Enter', mode: 'command', action: 'run', description: 'Run the selected cell' },
	{ keys: 'J or ↓', mode: 'command', action: 'next', description: 'Select the next cell' },
	{ keys: 'K or ↑', mode: 'command', action: 'previous', description: 'Select the previous cell' },
	{ keys: 'A', mode: 'command', action: 'insert-above', description: 'Insert a SQL cell above' },
	{ keys: 'B', mode: 'command', action: 'insert-below', description: 'Insert a SQL cell below' },
	{ keys: 'D D', mode: 'command', action: 'delete', description: 'Delete the selected cell (press D twice)' },
	{ keys: 'Z or Ctrl/⌘+Z', mode: 'command', action: 'undo-delete', description: 'Bring back the last deleted cell' },
	{ keys: 'H', mode: 'command', action: 'toggle-code', description: "Hide or show the cell's code (kept in the notebook file)" },
	{ keys: '?', mode: 'command', action: 'help', description: 'Show this list' }
];

/** The edit-mode keys in CodeMirror's notation, for the editor's keymap. */
export const EDITOR_KEYS: readonly { key: string; action: NotebookAction }[] = [
	{ key: 'Shift-Enter', action: 'run-next' },
	{ key: 'Mod-Enter', action: 'run' },
	{ key: 'Escape', action: 'command-mode' }
];

/** What the report view allows: nothing that edits or needs an editor. */
const REPORT_ACTIONS: ReadonlySet<NotebookAction> = new Set(['next', 'previous', 'help']);

/**
 * Two presses of the same key close together (Jupyter's D D): `press` says whether this press
 * completes the chord. The clock is a parameter, so a test decides what "close" is.
 */
export class KeyChord {
	#armed: { key: string; at: number } | null = null;

	constructor(readonly windowMs = 800) {}

	press(key: string, now: number): boolean {
		const armed = this.#armed;
		if (armed && armed.key === key && now - armed.at <= this.windowMs) {
			this.#armed = null;
			return true;
		}
		this.#armed = { key, at: now };
		return false;
	}

	reset(): void {
		this.#armed = null;
	}
}

/**
 * The action of a key pressed in command mode (a cell focused, no editor), or null for a key
 * the notebook leaves alone. `chord` keeps the first D of D D; any other key breaks it.
 */
export function commandAction(press: KeyPress, chord: KeyChord, now: number, options: { report?: boolean } = {}): NotebookAction | null {
	const action = commandKey(press, chord, now);
	if (action === null || (options.report && !REPORT_ACTIONS.has(action))) return null;
	return action;
}

function commandKey(press: KeyPress, chord: KeyChord, now: number): NotebookAction | null {
	const mod = press.ctrlKey || press.metaKey;
	const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
	if (key !== 'd' || mod || press.altKey) chord.reset();
	if (press.altKey) return null;
	if (key === 'Enter') return mod ? 'run' : press.shiftKey ? 'run-next' : 'edit';
	if (mod) return key === 'z' && !press.shiftKey ? 'undo-delete' : null;
	if (press.key === '?') return 'help';
	if (press.shiftKey) return null;
	switch (key) {
		case 'j':
		case 'ArrowDown':
			return 'next';
		case 'k':
		case 'ArrowUp':
			return 'previous';
		case 'a':
			return 'insert-above';
		case 'b':
			return 'insert-below';
		case 'z':
			return 'undo-delete';
		case 'h':
			return 'toggle-code';
		case 'd':
			return chord.press('d', now) ? 'delete' : null;
		default:
			return null;
	}
}
