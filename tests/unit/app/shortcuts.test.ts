import { describe, expect, it } from 'vitest';
import { commandAction, EDITOR_KEYS, KeyChord, SHORTCUTS, type KeyPress, type NotebookAction } from '../../../src/lib/app/shortcuts';

/** Presses keys in command mode, 100 ms apart unless told, and returns the actions. */
function press(keys: (string | KeyPress)[], options: { gapMs?: number; report?: boolean } = {}): (NotebookAction | null)[] {
	const chord = new KeyChord();
	return keys.map((k, i) => commandAction(typeof k === 'string' ? { key: k } : k, chord, i * (options.gapMs ?? 100), { report: options.report }));
}

describe('command mode keys', () => {
	it('maps Jupyter’s single keys to their actions, letters in either case', () => {
		expect(press(['a', 'b', 'j', 'k', 'ArrowDown', 'ArrowUp', 'h', 'z', 'Enter', '?'])).toEqual([
			'insert-above', 'insert-below', 'next', 'previous', 'next', 'previous', 'toggle-code', 'undo-delete', 'edit', 'help'
		]);
		expect(press(['A', 'B'])).toEqual(['insert-above', 'insert-below']);
	});

	it('runs with Shift+Enter (and moves on) or Ctrl/Cmd+Enter (in place), and undoes with Ctrl/Cmd+Z', () => {
		expect(press([{ key: 'Enter', shiftKey: true }, { key: 'Enter', ctrlKey: true }, { key: 'Enter', metaKey: true }])).toEqual(['run-next', 'run', 'run']);
		expect(press([{ key: 'z', ctrlKey: true }, { key: 'z', metaKey: true }, { key: 'z', ctrlKey: true, shiftKey: true }])).toEqual(['undo-delete', 'undo-delete', null]);
	});

	it('leaves other keys and modified letters to the browser', () => {
		expect(press(['x', 'Tab', ' ', { key: 'c', ctrlKey: true }, { key: 'a', altKey: true }, { key: 'b', metaKey: true }])).toEqual([null, null, null, null, null, null]);
	});

	it('deletes only on D pressed twice in a row within the chord window', () => {
		expect(press(['d', 'd'])).toEqual([null, 'delete']);
		expect(press(['d', 'd', 'd'])).toEqual([null, 'delete', null]);
		expect(press(['d', 'd', 'd', 'd'])).toEqual([null, 'delete', null, 'delete']);
		expect(press(['d', 'j', 'd'])).toEqual([null, 'next', null]);
		expect(press(['d', { key: 'd', ctrlKey: true }, 'd'])).toEqual([null, null, null]);
		expect(press(['d', 'd'], { gapMs: 801 })).toEqual([null, null]);
		expect(press(['d', 'd'], { gapMs: 800 })).toEqual([null, 'delete']);
	});

	it('allows only moving between cells and the help in the report view', () => {
		expect(press(['j', 'k', '?', 'a', 'b', 'Enter', 'h', 'z', 'd', 'd'], { report: true })).toEqual([
			'next', 'previous', 'help', null, null, null, null, null, null, null
		]);
	});
});

describe('the shortcut list', () => {
	it('lists every action the keys produce, and every edit-mode key the editor binds', () => {
		const listed = new Set(SHORTCUTS.map((s) => `${s.mode}:${s.action}`));
		for (const action of press(['a', 'b', 'j', 'k', 'h', 'z', 'Enter', '?', 'd', 'd', { key: 'Enter', shiftKey: true }, { key: 'Enter', ctrlKey: true }])) {
			if (action) expect(listed, action).toContain(`command:${action}`);
		}
		for (const { action } of EDITOR_KEYS) expect(listed, action).toContain(`edit:${action}`);
	});
});
