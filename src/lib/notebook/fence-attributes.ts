const ATTRIBUTE = /\s*([A-Za-z_][A-Za-z0-9_.:-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|([^\s"]+)))?/y;
const BARE_VALUE = /^[^\s"'=`\\]+$/;

/** Parses `name=daily title="Daily sales" collapsed` (a bare flag means "true"); returns an error message on bad syntax. */
export function parseAttributes(text: string): { ok: true; attrs: Map<string, string> } | { ok: false; error: string } {
	const attrs = new Map<string, string>();
	let at = 0;
	while (at < text.length) {
		if (/^\s*$/.test(text.slice(at))) break;
		ATTRIBUTE.lastIndex = at;
		const m = ATTRIBUTE.exec(text);
		const nextChar = m === null ? '' : (text[ATTRIBUTE.lastIndex] ?? ' ');
		if (m === null || !/\s/.test(nextChar)) {
			const rest = text.slice(at).trim().split(/\s+/)[0];
			return { ok: false, error: `cannot read attribute \`${rest}\`; write key=value, key="value with spaces" or a bare flag like collapsed` };
		}
		const [, key, quoted, bare] = m;
		if (attrs.has(key)) return { ok: false, error: `attribute \`${key}\` is given twice; keep one` };
		attrs.set(key, quoted !== undefined ? unescape(quoted) : (bare ?? 'true'));
		at = ATTRIBUTE.lastIndex;
	}
	return { ok: true, attrs };
}

/** The canonical attribute text: name first, flags bare, values quoted only when they need it. */
export function formatAttributes(name: string | null, attrs: Record<string, string>): string {
	const parts = name === null ? [] : [`name=${formatValue(name)}`];
	for (const [key, value] of Object.entries(attrs)) {
		parts.push(value === 'true' ? key : `${key}=${formatValue(value)}`);
	}
	return parts.join(' ');
}

function formatValue(value: string): string {
	if (BARE_VALUE.test(value)) return value;
	return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

function unescape(quoted: string): string {
	return quoted.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}
