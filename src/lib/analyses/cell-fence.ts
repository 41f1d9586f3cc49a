import type { ChartSpec } from '../notebook/chart-spec';
import type { InputSpec } from '../notebook/input-spec';

// Notebook cell text for the section builders (format: src/lib/notebook/parse-notebook.ts).

/** A fenced cell: ```kind name=x … ```. */
export function cellFence(kind: 'sql' | 'chart' | 'input' | 'stats' | 'model', name: string, body: string): string {
	return `\`\`\`${kind} name=${name}\n${body}\n\`\`\``;
}

export const sqlCell = (name: string, sql: string) => cellFence('sql', name, sql);

export const inputCell = (name: string, spec: InputSpec) => cellFence('input', name, inline(spec));

/** A stats or model cell: its spec with one parameter a line. */
export function specCell(kind: 'stats' | 'model', name: string, spec: Record<string, unknown>): string {
	const lines = Object.entries(spec).map(([key, value]) => `  ${JSON.stringify(key)}: ${inline(value)}`);
	return cellFence(kind, name, `{\n${lines.join(',\n')}\n}`);
}

/** A chart cell, one top-level key (and one mark) a line, so a diff shows what changed. */
export function chartCell(name: string, spec: ChartSpec): string {
	const lines = Object.entries(spec).map(([key, value]) =>
		key === 'marks' ? `  "marks": [\n${(value as unknown[]).map((m) => `    ${inline(m)}`).join(',\n')}\n  ]` : `  ${JSON.stringify(key)}: ${inline(value)}`
	);
	return cellFence('chart', name, `{\n${lines.join(',\n')}\n}`);
}

/** JSON on one line with a space after `:` and `,`, as people write it. */
function inline(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
	if (value !== null && typeof value === 'object') {
		return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
	}
	return JSON.stringify(value);
}
