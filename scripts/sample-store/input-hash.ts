// A hash of everything the prebuilt sample store is made from: the sample's files, the app's
// source (store SQL, ingest, notebook, runtime, model) and the locked package versions (the
// engine). Equal hashes: the store on disk is what a build now would write, so it is kept.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function filesUnder(dir: string): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((entry) => {
			const full = path.join(dir, entry);
			return statSync(full).isDirectory() ? filesUnder(full) : [full];
		});
}

export function inputHash(root: string, inputs: readonly string[]): string {
	const hash = createHash('sha256');
	for (const input of inputs) {
		const full = path.join(root, input);
		for (const file of statSync(full).isDirectory() ? filesUnder(full) : [full]) {
			hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return hash.digest('hex').slice(0, 16);
}
