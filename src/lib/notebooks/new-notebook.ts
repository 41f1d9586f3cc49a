// Texts and titles of notebooks the library makes itself.

/** A notebook with a title and a heading, nothing else: cells are added on the page. */
export function blankNotebook(title: string): string {
	return `---\nnotebook: customer-intelligence-notebook\nversion: 1\ntitle: ${JSON.stringify(title)}\n---\n\n# ${title}\n`;
}

/** `base`, or `base 2`, `base 3`… whichever no notebook of `taken` has (titles tell notebooks apart in the list). */
export function uniqueTitle(base: string, taken: Iterable<string>): string {
	const used = new Set([...taken].map((t) => t.trim().toLowerCase()));
	if (!used.has(base.trim().toLowerCase())) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base} ${n}`;
		if (!used.has(candidate.toLowerCase())) return candidate;
	}
}
