// Opening a Blob as Parquet: the reader handle plus the footer facts every caller needs, with the
// reader's terse errors turned into messages the user can act on.
import type { ParquetFile } from 'parquet-wasm/esm';
import { errorMessage } from '../../data/error-message';
import { DataFileError } from '../data-file-error';
import { loadParquetWasm, type ParquetWasm } from './load-parquet-wasm';
import type { WasmTrapWatch } from './watch-wasm-traps';

export interface ParquetFooter {
	rows: number;
	/** Rows of each row group, in file order. */
	rowGroupRows: number[];
	/** The writer named in the footer (`parquet-cpp-arrow version 15.0.0`, `DuckDB …`), if any. */
	createdBy: string | null;
}

export interface OpenedParquetFile {
	parquet: ParquetWasm;
	/** Lives in wasm memory: the caller must `free()` it. */
	handle: ParquetFile;
	footer: ParquetFooter;
}

/**
 * Reads the footer (one small read at the end of the file); nothing else is read yet.
 * `watch`: the caller's open trap watch (see watchWasmTraps), so a wasm trap cannot hang this.
 */
export async function openParquetFile(file: Blob, watch: WasmTrapWatch): Promise<OpenedParquetFile> {
	const name = parquetFileName(file);
	if (file.size === 0) throw new DataFileError(`${name} is empty (0 bytes). Choose the exported data file itself, not a placeholder.`);
	await checkSignature(file, name);
	const parquet = await loadParquetWasm();
	let handle: ParquetFile;
	try {
		handle = await watch.race(parquet.ParquetFile.fromFile(file));
	} catch (error) {
		throw new DataFileError(
			`${name} is not a readable Parquet file (${errorText(error)}). ` +
				`If it is a CSV file, give it a .csv name; if it was cut short while copying or downloading, copy it again.`
		);
	}
	try {
		return { parquet, handle, footer: readFooter(handle) };
	} catch (error) {
		handle.free();
		throw error;
	}
}

const MAGIC = 'PAR1';

/**
 * A Parquet file starts and ends with `PAR1`: without the first it is another kind of file
 * (often a CSV given the wrong name); without the last it stops before its footer, the part a
 * reader needs first, which is what a download or copy cut short looks like.
 */
async function checkSignature(file: Blob, name: string): Promise<void> {
	const ascii = async (from: number, to: number) => new TextDecoder('latin1').decode(await file.slice(from, to).arrayBuffer());
	const head = await ascii(0, Math.min(file.size, 256));
	if (!head.startsWith(MAGIC)) {
		const text = /^[\t\r\n\x20-\x7e\u00a0-\u00ff]*$/.test(head);
		throw new DataFileError(
			`${name} is not a Parquet file: it does not start with Parquet's signature (PAR1)${text ? ' and looks like text' : ''}. ` +
				(text ? 'If it is a CSV file, give it a name ending in .csv and open it again.' : 'Choose the event log as Parquet, CSV or .csv.gz.')
		);
	}
	if (file.size < 12 || (await ascii(file.size - 4, file.size)) !== MAGIC) {
		throw new DataFileError(`${name} is cut short: it stops before the end of its Parquet footer, so none of it can be read. Download or copy the file again.`);
	}
}

function readFooter(handle: ParquetFile): ParquetFooter {
	// Every metadata object lives in wasm memory until freed; finalizers would free them
	// eventually, but an ingest opens many files and wasm memory never shrinks.
	const metadata = handle.metadata();
	const fileMeta = metadata.fileMetadata();
	const groups = metadata.rowGroups();
	try {
		return {
			rows: fileMeta.numRows(),
			rowGroupRows: groups.map((g) => g.numRows()),
			createdBy: fileMeta.createdBy() ?? null
		};
	} finally {
		for (const g of groups) g.free();
		fileMeta.free();
		metadata.free();
	}
}

/** The name to show for a Blob: a File's own name, else a generic one. */
export function parquetFileName(file: Blob): string {
	return 'name' in file && typeof file.name === 'string' && file.name ? file.name : 'The Parquet file';
}

export function errorText(error: unknown): string {
	const text = errorMessage(error).trim() || 'unknown error';
	// A trap ("unreachable") is a panic inside parquet-wasm: say so rather than show the opcode.
	return error instanceof WebAssembly.RuntimeError ? `the Parquet decoder failed: ${text}` : text;
}
