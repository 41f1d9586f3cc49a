// Which text encoding a CSV is in, from its first bytes, among the ones DuckDB's CSV reader
// takes without an extension: UTF-8 (with or without a byte order mark), UTF-16 (little
// endian, with its byte order mark, as Windows' "Unicode text" saves it) and Latin-1 (what
// older exports and many European spreadsheets write). Text that is not valid UTF-8 is taken
// as Latin-1: every byte sequence is valid Latin-1, and the file's accented letters are the
// usual reason a byte is not UTF-8.

export type TextEncodingName = 'utf-8' | 'utf-16' | 'latin-1';

export interface DecodedHead {
	text: string;
	encoding: TextEncodingName;
	/** Only ASCII bytes: valid in every encoding, so the rest of the file may still be Latin-1. */
	ascii: boolean;
}

/** How the app names an encoding to users. */
export const ENCODING_NAMES: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', 'utf-16': 'UTF-16', 'latin-1': 'Latin-1 (ISO-8859-1)' };

/**
 * Decodes the first bytes of a file. `complete`: the bytes are the whole file; otherwise the
 * slice may end inside a multi-byte character, which is not an error.
 */
export function decodeHead(bytes: Uint8Array, complete: boolean): DecodedHead {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		const even = complete ? bytes.length : bytes.length - (bytes.length % 2);
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2, even)), encoding: 'utf-16', ascii: false };
	}
	const ascii = bytes.every((b) => b < 0x80);
	try {
		// `stream: true` holds back a character cut at the end of the slice instead of failing.
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream: !complete });
		return { text, encoding: 'utf-8', ascii };
	} catch {
		return { text: latin1(bytes), encoding: 'latin-1', ascii: false };
	}
}

/** Latin-1 maps each byte to the code point of the same value (browsers' 'latin1' label is windows-1252). */
function latin1(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
	return text;
}
