// A file cut short (a download or copy that stopped early) must never become a dataset that
// looks complete: its rows before the cut would be taken for the whole log. Both checks name
// the file, what was found and the fix; the ingest then keeps nothing.
import { csvFileStem } from '../datasets/data-file-types';
import { splitLine, type CsvLayout } from './csv-head';
import { DataFileError } from './data-file-error';

const TAIL_BYTES = 64 * 1024;

/**
 * A plain CSV whose last line is not a whole row (too few fields, or a quote never closed) and
 * has no line break after it: the file stops in the middle of a row. A last row that is whole
 * but has no line break is how many tools end a file, and is fine.
 */
export async function cutShortCsvMessage(file: Blob, name: string, layout: CsvLayout): Promise<string | null> {
	if (file.size === 0) return null;
	const start = Math.max(0, file.size - TAIL_BYTES);
	const bytes = new Uint8Array(await file.slice(start - (start % 2), file.size).arrayBuffer());
	const text = layout.encoding === 'utf-16' ? new TextDecoder('utf-16le').decode(bytes) : new TextDecoder('latin1').decode(bytes);
	if (/[\r\n]$/.test(text)) return null;
	const last = text.slice(text.lastIndexOf('\n') + 1);
	const openQuote = (last.match(/"/g)?.length ?? 0) % 2 === 1;
	if (!openQuote && splitLine(last, layout.delimiter).length >= layout.columns.length) return null;
	const shown = last.length > 60 ? `…${last.slice(-60)}` : last;
	return (
		`${name} is cut short: it ends in the middle of a row ("${shown}"${openQuote ? ', inside a quoted value' : ''}), so rows after that point are missing. Nothing was added. ` +
		`Download or copy the file again; to use the rows before the cut, delete that last line and open the file again.`
	);
}

/**
 * Reads a whole .csv.gz through the browser's inflater, only to learn whether its compressed
 * stream ends properly: DuckDB's reader stops quietly at a cut and keeps the rows before it.
 * Runs beside the ingest (it inflates at hundreds of MB/s, off DuckDB's thread); rejects with
 * a DataFileError naming how much text could be read.
 */
export async function checkGzipWhole(file: Blob, name: string, signal?: AbortSignal): Promise<void> {
	const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
	const onAbort = () => reader.cancel().catch(() => {});
	signal?.addEventListener('abort', onAbort);
	let inflated = 0;
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			inflated += value.byteLength;
		}
	} catch {
		if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
		const stem = csvFileStem(name);
		throw new DataFileError(
			`${name} is cut short or damaged: its compressed data stops after ${(inflated / 1e6).toFixed(1)} MB of text, so rows after that point are missing. Nothing was added. ` +
				`Download or copy the file again; to use the rows before the cut, decompress what is there (\`gzip -dc ${name} > ${stem}.csv\` keeps it), delete the last, partial line and open the .csv.`
		);
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
}
