const SPACE = new Set([' ', '\t', '\n', '\r']);
const LITERAL = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;

/**
 * Where JSON text stops being valid, as a 0-based line and column with a short reason; null when
 * it is valid. Browsers word and place JSON.parse errors differently; this is the same everywhere.
 */
export function locateJsonError(text: string): { line: number; column: number; reason: string } | null {
	let i = 0;
	const fail = (): never => {
		throw i;
	};
	const space = () => {
		while (SPACE.has(text[i])) i += 1;
	};
	const string = () => {
		i += 1;
		while (i < text.length) {
			const c = text[i];
			if (c === '"') return void (i += 1);
			if (c < ' ') fail();
			i += c === '\\' ? 2 : 1;
		}
		fail();
	};
	const sequence = (close: string, item: () => void) => {
		i += 1;
		space();
		if (text[i] === close) return void (i += 1);
		for (;;) {
			item();
			space();
			if (text[i] === close) return void (i += 1);
			if (text[i] !== ',') fail();
			i += 1;
		}
	};
	const member = () => {
		space();
		if (text[i] !== '"') fail();
		string();
		space();
		if (text[i] !== ':') fail();
		i += 1;
		value();
	};
	const value = (): void => {
		space();
		if (text[i] === '{') return sequence('}', member);
		if (text[i] === '[') return sequence(']', value);
		if (text[i] === '"') return string();
		LITERAL.lastIndex = i;
		if (LITERAL.exec(text) === null) fail();
		i = LITERAL.lastIndex;
	};
	try {
		value();
		space();
		if (i < text.length) fail();
		return null;
	} catch (at) {
		if (typeof at !== 'number') throw at;
		const before = text.slice(0, at).split('\n');
		const reason = at >= text.length ? 'unexpected end of the JSON' : `unexpected \`${text[at]}\``;
		return { line: before.length - 1, column: before[before.length - 1].length, reason };
	}
}
