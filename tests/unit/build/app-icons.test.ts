import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ICONS } from '../../../scripts/app-icons/app-icons';
import { decodePng } from '../../../scripts/app-icons/png';
import { drawIcon, readIconSvg } from '../../../scripts/app-icons/render-icon';

const manifest = JSON.parse(readFileSync('static/manifest.webmanifest', 'utf8'));
const favicon = readIconSvg(readFileSync('static/favicon.svg', 'utf8'));

describe('the app icons', () => {
	it('are the favicon drawn at their sizes (npm run icons writes them)', () => {
		for (const icon of APP_ICONS) {
			const png = decodePng(readFileSync(path.join('static', icon.file)));
			expect([png.width, png.height], icon.file).toEqual([icon.pixels, icon.pixels]);
			expect(Buffer.from(png.rgba).equals(Buffer.from(drawIcon(favicon, icon.pixels, icon.maskable))), `${icon.file} is not the favicon drawn: run npm run icons`).toBe(true);
		}
	});

	it('draw the tile and its bars: the corners of the plain icon are clear, the maskable one is full-bleed', () => {
		const at = (rgba: Uint8Array, size: number, x: number, y: number) => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
		const plain = drawIcon(favicon, 192);
		expect(at(plain, 192, 0, 0)).toEqual([0, 0, 0, 0]);
		expect(at(plain, 192, 96, 20)).toEqual([0x09, 0x69, 0xda, 255]);
		// The tallest bar (x 21–25, y 7–25 of 32) is white.
		expect(at(plain, 192, 138, 100)).toEqual([255, 255, 255, 255]);
		const maskable = drawIcon(favicon, 512, true);
		expect(at(maskable, 512, 0, 0)).toEqual([0x09, 0x69, 0xda, 255]);
	});

	it('are what the web app manifest lists, by relative URLs, so an install works from any folder', () => {
		const listed = manifest.icons.map((i: { src: string }) => i.src);
		expect(listed).toEqual(expect.arrayContaining(APP_ICONS.map((i) => i.file)));
		for (const icon of manifest.icons) expect(existsSync(path.join('static', icon.src)), icon.src).toBe(true);
		for (const url of [manifest.start_url, manifest.scope, manifest.id, ...listed]) expect(url).not.toMatch(/^\/|:/);
		expect(manifest.icons.find((i: { purpose?: string }) => i.purpose === 'maskable')?.src).toBe('icons/icon-maskable-512.png');
	});
});
