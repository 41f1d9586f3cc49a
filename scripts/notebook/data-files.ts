// `--data` takes files and folders; a folder stands for its event-log files, so a generator's
// output directory (or the Kaggle download folder) can be passed as is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const DATA_FILE = /\.(csv|csv\.gz|parquet)$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Kaggle-style names (`2019-Oct.csv`) sort by month, so months are appended in time order. */
function sortKey(name: string): string {
	return name.replace(/(\d{4})-([A-Za-z]{3})/, (whole, year: string, month: string) => {
		const m = MONTHS.indexOf(month.toLowerCase());
		return m < 0 ? whole : `${year}-${String(m + 1).padStart(2, '0')}`;
	});
}

/** Absolute paths: files as given, folders expanded to their .csv/.csv.gz/.parquet files. */
export function dataFiles(paths: readonly string[]): string[] {
	const files: string[] = [];
	for (const given of paths) {
		const full = path.resolve(given);
		if (!existsSync(full)) throw new Error(`invalid --data: ${given} does not exist`);
		if (!statSync(full).isDirectory()) {
			files.push(full);
			continue;
		}
		const inside = readdirSync(full)
			.filter((name) => DATA_FILE.test(name) && statSync(path.join(full, name)).isFile())
			.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
			.map((name) => path.join(full, name));
		if (inside.length === 0) throw new Error(`invalid --data: ${given} has no .csv, .csv.gz or .parquet files`);
		files.push(...inside);
	}
	return files;
}
