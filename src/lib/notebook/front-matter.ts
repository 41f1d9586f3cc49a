import { NotebookFormatError } from './notebook-format-error';
import { sameRecord } from './same-record';
import type { TextLine } from './text-lines';

export const NOTEBOOK_MAGIC = 'customer-intelligence-notebook';
export const SUPPORTED_VERSIONS: readonly number[] = [1];

export interface FrontMatter {
	/** Whether it names this app (`notebook: customer-intelligence-notebook`); other Markdown tools' front matter does not. */
	magic: boolean;
	title: string;
	/** Keys other than notebook, version and title, in file order. */
	meta: Record<string, string>;
	/** The front matter as read, without the line ending of its closing `---`. */
	raw: string;
	/** The lines between the `---` lines, with the key each one sets (null for blank lines and comments). */
	lines: { text: string; key: string | null }[];
}

const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(.*)$/;
const FIXED_KEYS = new Set(['notebook', 'version', 'title']);

/**
 * Reads the front matter a notebook may open with; `frontMatter` is null (and `end` -1) when the
 * file has none, as plain Markdown, Observable Framework and Evidence pages often do. Front matter
 * that names another notebook format, or a version this app does not read, is refused.
 */
export function parseFrontMatter(text: string, lines: TextLine[]): { frontMatter: FrontMatter | null; end: number } {
	if (lines.length === 0 || lines[0].text.trimEnd() !== '---') return { frontMatter: null, end: -1 };
	const end = lines.findIndex((line, i) => i > 0 && line.text.trimEnd() === '---');
	if (end < 0) throw new NotebookFormatError(1, 'the front matter opened here is never closed; add a `---` line after its last key');

	const values = new Map<string, { value: string; line: number }>();
	const fmLines: FrontMatter['lines'] = [];
	for (let i = 1; i < end; i += 1) {
		const line = lines[i].text;
		const m = KEY_VALUE.exec(line);
		if (m === null && !/^\s*(#.*)?$/.test(line)) {
			throw new NotebookFormatError(i + 1, `cannot read front matter line \`${line}\`; write \`key: value\``);
		}
		fmLines.push({ text: line, key: m ? m[1] : null });
		if (m) values.set(m[1], { value: parseValue(m[2]), line: i + 1 });
	}

	const notebook = values.get('notebook');
	if (notebook !== undefined && notebook.value !== NOTEBOOK_MAGIC) {
		throw new NotebookFormatError(
			notebook.line,
			`not a Customer Intelligence notebook: \`notebook: ${notebook.value}\` should be \`notebook: ${NOTEBOOK_MAGIC}\``
		);
	}
	const version = values.get('version');
	if (notebook !== undefined && version === undefined) throw new NotebookFormatError(1, 'the front matter has no `version`; add `version: 1`');
	// Another tool's `version` (no notebook key) is its own business; the app writes its own.
	if (notebook !== undefined && version !== undefined && (!SUPPORTED_VERSIONS.includes(Number(version.value)) || !/^\d+$/.test(version.value))) {
		throw new NotebookFormatError(
			version.line,
			`notebook version ${version.value} is not supported: this app reads version ${SUPPORTED_VERSIONS.join(', ')} only; open the file with a newer version of the app`
		);
	}

	const meta: Record<string, string> = {};
	for (const [key, { value }] of values) if (!FIXED_KEYS.has(key)) meta[key] = value;
	const raw = text.slice(0, lines[end].end);
	return { frontMatter: { magic: notebook !== undefined, title: values.get('title')?.value ?? '', meta, raw, lines: fmLines }, end };
}

/**
 * The front matter for `title` and `meta`: as read when nothing changed, otherwise the original
 * lines with changed values rewritten, removed keys dropped and new keys appended. A file read
 * without this app's front matter gets it: what the app writes always says what it is.
 */
export function serializeFrontMatter(
	title: string,
	meta: Record<string, string>,
	original: FrontMatter | null | undefined,
	eol: string
): string {
	if (original?.magic && original.title === title && sameRecord(original.meta, meta)) return original.raw;
	const wanted = new Map<string, string>([['title', title], ...Object.entries(meta)]);
	const out = ['---'];
	const written = new Set<string>();
	if (!original?.magic) out.push(`notebook: ${NOTEBOOK_MAGIC}`, 'version: 1');
	for (const line of original?.lines ?? []) {
		const key = line.key;
		if (key === 'notebook' || key === 'version') {
			if (original!.magic) out.push(line.text); // else written above, once
		} else if (key === null) {
			out.push(line.text);
		} else if (wanted.has(key) && !written.has(key)) {
			const value = wanted.get(key)!;
			const previous = key === 'title' ? original!.title : original!.meta[key];
			out.push(previous === value ? line.text : `${key}: ${formatValue(value)}`);
			written.add(key);
		}
	}
	for (const [key, value] of wanted) {
		if (!written.has(key) && (key !== 'title' || value !== '' || !original)) out.push(`${key}: ${formatValue(value)}`);
	}
	out.push('---');
	return out.join(eol);
}

function parseValue(text: string): string {
	const value = text.trim();
	if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
		try {
			return String(JSON.parse(value));
		} catch {
			return value;
		}
	}
	if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replaceAll("''", "'");
	return value;
}

function formatValue(value: string): string {
	const plain = value === value.trim() && value !== '' && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/: | #|[\n\r"]/.test(value);
	return plain ? value : JSON.stringify(value);
}
