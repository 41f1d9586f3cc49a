// The first few KB of a file as text, for the schema check: gzip is inflated on the fly from
// a slice of the file, so even a multi-GB .csv.gz is never read whole.
import { isGzipFile } from '../datasets/data-file-types';

const HEAD_BYTES = 64 * 1024;

export async function readHead(file: Blob, name: string): Promise<string> {
	if (file.size === 0) return '';
	const slice = file.slice(0, HEAD_BYTES);
	if (!isGzipFile(name)) return new TextDecoder().decode(await slice.arrayBuffer());
	const reader = slice.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
	const decoder = new TextDecoder();
	let text = '';
	try {
		while (text.length < HEAD_BYTES) {
			const { value, done } = await reader.read();
			if (done) break;
			text += decoder.decode(value, { stream: true });
		}
	} catch {
		// The slice ends mid-stream: what was inflated so far is the head.
		if (text === '') throw new Error(`${name} is not a readable gzip file`);
	} finally {
		reader.cancel().catch(() => {});
	}
	return text;
}
