// A chart spec as the text of its cell: one top-level key (and one mark) a line, so a diff shows
// what changed. The default notebook's sections and the chart builder both write it this way.

/** The spec's JSON text: `{`, one `"key": value` a line, each mark on its own line, `}`. */
export function chartSpecText(spec: Record<string, unknown>): string {
	const lines = Object.entries(spec).map(([key, value]) =>
		key === 'marks' && Array.isArray(value) && value.length > 0
			? `  "marks": [\n${value.map((m) => `    ${inlineJson(m)}`).join(',\n')}\n  ]`
			: `  ${JSON.stringify(key)}: ${inlineJson(value)}`
	);
	return `{\n${lines.join(',\n')}\n}`;
}

/** JSON on one line with a space after `:` and `,`, as people write it. */
export function inlineJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
	if (value !== null && typeof value === 'object') {
		return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
	}
	return JSON.stringify(value);
}
