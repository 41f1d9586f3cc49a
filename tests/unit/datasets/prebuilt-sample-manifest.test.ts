import { describe, expect, it } from 'vitest';
import { isPrebuiltSampleManifest, type PrebuiltSampleManifest } from '../../../src/lib/datasets/prebuilt-sample-manifest';

const manifest: PrebuiltSampleManifest = {
	version: 1,
	inputs: 'dd2099ff6623bc85',
	files: [
		{ name: 'cin-sample.duckdb', path: 'cin-sample.duckdb.gz', bytes: 36_712_448 },
		{ name: 'cin-sample.duckdb.wal', path: 'cin-sample.duckdb.wal.gz', bytes: 0 }
	],
	snapshot: 'snapshot.json'
};

describe('isPrebuiltSampleManifest', () => {
	it('accepts a manifest as the build writes it', () => {
		expect(isPrebuiltSampleManifest(JSON.parse(JSON.stringify(manifest)))).toBe(true);
	});

	it('refuses another version, no files, negative or fractional sizes, and paths that leave the folder', () => {
		const variants: unknown[] = [
			null,
			'manifest',
			{ ...manifest, version: 2 },
			{ ...manifest, files: [] },
			{ ...manifest, files: [{ ...manifest.files[0], bytes: -1 }] },
			{ ...manifest, files: [{ ...manifest.files[0], bytes: 1.5 }] },
			{ ...manifest, files: [{ ...manifest.files[0], path: '../index.html' }] },
			{ ...manifest, files: [{ ...manifest.files[0], path: 'https://elsewhere.example/x.gz' }] },
			{ ...manifest, files: [{ ...manifest.files[0], name: '../cin-sample.duckdb' }] },
			{ ...manifest, snapshot: '/snapshot.json' },
			{ ...manifest, inputs: undefined }
		];
		expect(variants.map(isPrebuiltSampleManifest)).toEqual(variants.map(() => false));
	});
});
