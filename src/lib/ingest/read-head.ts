// The first few KB of a file as text, for the schema check: gzip is inflated on the fly from
// a slice of the file, so even a multi-GB .csv.gz is never read whole.
import { isGzipFile } from '../datasets/data-file-types';
import { DataFileError } from './data-file-error';
import { decodeHead, type DecodedHead } from './text-encoding';

const HEAD_BYTES = 64 * 1024;

export async function readHead(file: Blob, name: string): Promise<DecodedHead> {
	if (file.size === 0) return { text: '', encoding: 'utf-8', ascii: true };
	const slice = file.slice(0, HEAD_BYTES);
	if (!isGzipFile(name)) return decodeHead(new Uint8Array(await slice.arrayBuffer()), file.size <= HEAD_BYTES);
	const reader = slice.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
	const chunks: Uint8Array[] = [];
	let inflated = 0;
	let ended = false;
	try {
		while (inflated < HEAD_BYTES) {
			const { value, done } = await reader.read();
			if (done) {
				ended = true;
				break;
			}
			chunks.push(value);
			inflated += value.byteLength;
		}
	} catch {
		// The slice ends mid-stream: what was inflated so far is the head.
		if (inflated === 0) {
			throw new DataFileError(
				`${name} is not a readable gzip file (it does not start like one). If it is plain CSV, rename it to end in .csv; if it was cut short while downloading or copying, get it again.`
			);
		}
	} finally {
		reader.cancel().catch(() => {});
	}
	const bytes = new Uint8Array(inflated);
	let at = 0;
	for (const c of chunks) bytes.set(c, (at += c.byteLength) - c.byteLength);
	return decodeHead(bytes.subarray(0, HEAD_BYTES), ended && file.size <= HEAD_BYTES);
}
