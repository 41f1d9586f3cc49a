// Which files the app reads as data, by name: the pickers, the drop zone and the ingest plan
// must agree, or a file offered in one place is refused in another.

const CSV = /\.(csv|tsv|txt)(\.gz)?$/i;
const PARQUET = /\.parquet$/i;
const GZIP = /\.gz$/i;

/** A delimited text file, plain or gzipped: `.csv`, `.tsv`, `.txt`, each optionally `.gz`. */
export function isCsvFile(name: string): boolean {
	return CSV.test(name);
}

export function isParquetFile(name: string): boolean {
	return PARQUET.test(name);
}

/** Any file the app reads as data: CSV (plain or gzipped) or Parquet. */
export function isDataFile(name: string): boolean {
	return isCsvFile(name) || isParquetFile(name);
}

export function isGzipFile(name: string): boolean {
	return GZIP.test(name);
}

/** The name without its CSV extension: `2019-Oct.csv.gz` → `2019-Oct`; other names unchanged. */
export function csvFileStem(name: string): string {
	return name.replace(CSV, '');
}

/** The `accept` list of the page's file input (a hint to the browser's dialog, not a check). */
export const DATA_FILE_ACCEPT = '.csv,.tsv,.txt,.gz,.parquet';

const NOTEBOOK = /\.(md|markdown)$/i;

/** A notebook file (Markdown), which the page imports instead of ingesting. */
export function isNotebookFile(name: string): boolean {
	return NOTEBOOK.test(name);
}

export const NOTEBOOK_FILE_ACCEPT = '.md,.markdown,text/markdown';
