// A notebook shared by link: its whole text, compressed, in the URL's fragment. The fragment
// never reaches a server (browsers do not send it), so sharing needs none and the data stays
// where it is: the link carries the notebook, not the dataset.
//
// Format: `#nb=1.<base64url of zlib-deflated UTF-8 text>`. zlib rather than raw deflate for its
// Adler-32 checksum, so a link damaged in transit (a character changed by a chat app, the end
// cut off by a line break) is refused with a clear message instead of opening as something
// else. Inflating stops past MAX_SHARED_BYTES, so a link cannot expand into gigabytes.

export const SHARE_PARAM = 'nb';
const VERSION = '1';

/** The largest notebook a link opens into: what the notebook library keeps at most. */
export const MAX_SHARED_BYTES = 1_000_000;

export type SharedNotebook = { ok: true; text: string } | { ok: false; message: string };

/** The fragment (without `#`) that carries `text`. */
export async function shareFragment(text: string): Promise<string> {
	const deflated = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate'));
	return `${SHARE_PARAM}=${VERSION}.${toBase64Url(deflated)}`;
}

/** Whether a URL's fragment (with or without `#`) carries a shared notebook. */
export function isShareFragment(hash: string): boolean {
	return hash.replace(/^#/, '').startsWith(`${SHARE_PARAM}=`);
}

/** The notebook text a fragment carries, or what is wrong with the link and what to do. */
export async function readShareFragment(hash: string): Promise<SharedNotebook> {
	const value = hash.replace(/^#/, '').slice(SHARE_PARAM.length + 1);
	const fail = (problem: string): SharedNotebook => ({ ok: false, message: `This link does not open a notebook: ${problem}` });
	const dot = value.indexOf('.');
	const version = dot < 0 ? '' : value.slice(0, dot);
	if (!/^\d+$/.test(version)) return fail('it is not a notebook link of this app. Ask for the link again, copied with "Copy link".');
	if (version !== VERSION) return fail(`it was made by a newer version of this app (link format ${version}; this one reads ${VERSION}). Open it with the newer version.`);
	let payload: string;
	try {
		payload = decodeURIComponent(value.slice(dot + 1));
	} catch {
		payload = '%';
	}
	if (!/^[A-Za-z0-9_-]*$/.test(payload)) return fail('it has characters a notebook link never has, so it was changed on the way. Copy the whole link again.');
	if (payload.length === 0) return fail('it carries no notebook. Copy the whole link again.');
	let text: string;
	try {
		text = await inflateBounded(fromBase64Url(payload));
	} catch (error) {
		if (error instanceof TooLarge) return fail(`the notebook it carries is larger than ${MAX_SHARED_BYTES / 1e6} MB.`);
		return fail('it is cut short or damaged (its checksum does not match). Copy the whole link again; a link split over two lines loses its end.');
	}
	return { ok: true, text };
}

class TooLarge extends Error {}

async function inflateBounded(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let text = '';
	let size = 0;
	for (;;) {
		const { value, done } = await reader.read();
		if (done) return text + decoder.decode();
		size += value.byteLength;
		if (size > MAX_SHARED_BYTES) {
			await reader.cancel().catch(() => {});
			throw new TooLarge();
		}
		text += decoder.decode(value, { stream: true });
	}
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream): Promise<Uint8Array> {
	return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
