export interface TextLine {
	/** The line without its line ending. */
	text: string;
	start: number;
	/** Where the line ending starts. */
	end: number;
}

export function splitLines(text: string): TextLine[] {
	const lines: TextLine[] = [];
	let start = 0;
	while (start < text.length) {
		const newline = text.indexOf('\n', start);
		const next = newline < 0 ? text.length : newline + 1;
		let end = newline < 0 ? text.length : newline;
		if (newline > start && text[newline - 1] === '\r') end -= 1;
		lines.push({ text: text.slice(start, end), start, end });
		start = next;
	}
	return lines;
}

export function isBlank(line: string): boolean {
	return /^[ \t]*$/.test(line);
}

/** Backticks enough to fence `source`: longer than any backtick run that starts a line. */
export function fenceFor(source: string): string {
	let longest = 2;
	for (const line of source.split('\n')) {
		const run = /^\s*(`+)/.exec(line);
		if (run) longest = Math.max(longest, run[1].length);
	}
	return '`'.repeat(longest + 1);
}

/** A fence in prose (0–3 spaces, then ≥3 backticks or tildes): its character and length, or null. */
export function openingFence(line: string): { char: string; length: number; info: string } | null {
	const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
	if (m === null || (m[1][0] === '`' && m[2].includes('`'))) return null;
	return { char: m[1][0], length: m[1].length, info: m[2].trim() };
}

export function isClosingFence(line: string, char: string, length: number): boolean {
	const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
	return m !== null && m[1][0] === char && m[1].length >= length;
}

/** Appends a closing fence when markdown ends inside a code block, so the block cannot swallow the cells after it. */
export function closeOpenFence(markdown: string): string {
	let open: { char: string; length: number } | null = null;
	for (const line of markdown.split('\n')) {
		if (open === null) open = openingFence(line);
		else if (isClosingFence(line, open.char, open.length)) open = null;
	}
	return open === null ? markdown : `${markdown}\n${open.char.repeat(open.length)}`;
}
