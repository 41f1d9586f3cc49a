// The bundled sample's files (in sample-data/) and the names its dataset gives them: the page
// ingests them under these names, and a native headless run without --data does the same, so
// both engines' results name the same files.
export const SAMPLE_FILES = [
	{ file: '2019-Oct.csv.gz', name: 'sample-2019-Oct.csv.gz' },
	{ file: '2019-Nov.csv.gz', name: 'sample-2019-Nov.csv.gz' }
] as const;
