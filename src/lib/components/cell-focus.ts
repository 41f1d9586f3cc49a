// Command mode's selection is DOM focus on a cell's <section> (tabindex -1): the browser keeps
// it, shows it (:focus) and moves it on a click, and screen readers announce the cell's label.

const CELL = '[data-testid="cell"]';

export function cellElement(id: string): HTMLElement | null {
	return document.querySelector<HTMLElement>(`${CELL}[data-cell-id="${CSS.escape(id)}"]`);
}

/** Selects a cell (command mode), scrolling it into view if needed. */
export function focusCell(element: HTMLElement | null): boolean {
	if (!element) return false;
	element.focus({ preventScroll: true });
	element.scrollIntoView({ block: 'nearest' });
	return true;
}

/** The cell `delta` places from `from` in the page (mounted cells, in document order). */
export function siblingCell(from: HTMLElement, delta: 1 | -1): HTMLElement | null {
	let next = delta > 0 ? from.nextElementSibling : from.previousElementSibling;
	while (next && !next.matches(CELL)) next = delta > 0 ? next.nextElementSibling : next.previousElementSibling;
	return next as HTMLElement | null;
}

/** The first cell whose top is in the viewport (where J or K starts with no cell selected). */
export function firstVisibleCell(): HTMLElement | null {
	const cells = [...document.querySelectorAll<HTMLElement>(CELL)];
	return cells.find((c) => c.getBoundingClientRect().bottom > 60) ?? cells[0] ?? null;
}

/** The cell a key event happened in, and whether it was on the cell itself (command mode). */
export function cellOfEvent(event: Event): { element: HTMLElement; command: boolean } | null {
	const target = event.target as HTMLElement | null;
	const element = target?.closest?.<HTMLElement>(CELL) ?? null;
	return element ? { element, command: target === element } : null;
}
