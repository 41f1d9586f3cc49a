// The benchmark's data: the seeded generator's CSV months at a scale, generated once with the
// generator CLI into a cache folder (bench/data/scale-S/, gitignored) and reused while its
// manifest matches the files on disk.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_SEED } from '../../src/lib/generator/index';
import { dataFiles } from '../notebook/data-files';

export interface DataManifest {
	scale: number;
	seed: number;
	rows: number | null;
	files: { name: string; bytes: number }[];
}

export interface BenchData {
	dir: string;
	files: string[];
	manifest: DataManifest;
	generated: boolean;
}

const MANIFEST = 'manifest.json';

export function benchDataDir(root: string, scale: number, seed: number): string {
	return path.resolve(root, `scale-${scale}${seed === DEFAULT_SEED ? '' : `-seed-${seed}`}`);
}

/** The manifest in `dir` if it describes this scale and seed and its files are all there, unchanged. */
export function reusableManifest(dir: string, scale: number, seed: number): DataManifest | null {
	const file = path.join(dir, MANIFEST);
	if (!existsSync(file)) return null;
	let manifest: DataManifest;
	try {
		manifest = JSON.parse(readFileSync(file, 'utf8')) as DataManifest;
	} catch {
		return null;
	}
	if (manifest.scale !== scale || manifest.seed !== seed || manifest.files.length === 0) return null;
	const intact = manifest.files.every((f) => {
		const p = path.join(dir, f.name);
		return existsSync(p) && statSync(p).size === f.bytes;
	});
	return intact ? manifest : null;
}

export async function benchData(options: { root: string; scale: number; seed: number; log: (line: string) => void }): Promise<BenchData> {
	const { scale, seed, log } = options;
	const dir = benchDataDir(options.root, scale, seed);
	const found = reusableManifest(dir, scale, seed);
	if (found) {
		log(`data: reusing ${dir} (${found.rows?.toLocaleString('en-US') ?? '?'} rows)`);
		return { dir, files: found.files.map((f) => path.join(dir, f.name)), manifest: found, generated: false };
	}
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	log(`data: generating scale ${scale}, seed ${seed} into ${dir}…`);
	const rows = await runGenerator(['--scale', String(scale), '--seed', String(seed), '--format', 'csv', '--out', dir], log);
	const files = dataFiles([dir]);
	const manifest: DataManifest = { scale, seed, rows, files: files.map((f) => ({ name: path.basename(f), bytes: statSync(f).size })) };
	writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, '\t') + '\n');
	return { dir, files, manifest, generated: true };
}

/** `npm run generate -- …` in a child process (its memory stays out of the native figures). */
function runGenerator(args: string[], log: (line: string) => void): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', 'generate', '--', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
		let rows: number | null = null;
		createInterface({ input: child.stdout }).on('line', (line) => {
			log(`  generate: ${line.trim()}`);
			const wrote = /^wrote ([\d,]+) rows/.exec(line);
			if (wrote) rows = Number(wrote[1].replaceAll(',', ''));
		});
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) reject(new Error(`npm run generate exited with ${code}`));
			else resolve(rows);
		});
	});
}
