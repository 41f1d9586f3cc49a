import type { ChartSpec } from '../notebook/chart-spec';
import type { InputSpec } from '../notebook/input-spec';
import { chartSpecText, inlineJson as inline } from '../notebook/chart-spec-text';

// Notebook cell text for the section builders (format: src/lib/notebook/parse-notebook.ts).

/** A fenced cell: ```kind name=x … ```, with bare flags after the name (`view`). */
export function cellFence(kind: 'sql' | 'chart' | 'input' | 'stats' | 'model', name: string, body: string, flags: readonly string[] = []): string {
	return `\`\`\`${[kind, `name=${name}`, ...flags].join(' ')}\n${body}\n\`\`\``;
}

export const sqlCell = (name: string, sql: string) => cellFence('sql', name, sql);

/** A SQL cell kept as a view (notebook/cell-storage.ts): for a filter of a large store table. */
export const sqlViewCell = (name: string, sql: string) => cellFence('sql', name, sql, ['view']);

export const inputCell = (name: string, spec: InputSpec) => cellFence('input', name, inline(spec));

/** A stats or model cell: its spec with one parameter a line. */
export function specCell(kind: 'stats' | 'model', name: string, spec: Record<string, unknown>): string {
	const lines = Object.entries(spec).map(([key, value]) => `  ${JSON.stringify(key)}: ${inline(value)}`);
	return cellFence(kind, name, `{\n${lines.join(',\n')}\n}`);
}

/** A chart cell, one top-level key (and one mark) a line, so a diff shows what changed. */
export const chartCell = (name: string, spec: ChartSpec) => cellFence('chart', name, chartSpecText(spec as unknown as Record<string, unknown>));
