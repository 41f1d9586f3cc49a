// A minimal PNG encoder and decoder for the app's icons: 8-bit RGBA, no interlace, every row
// stored with filter 0 (none) when encoding. The decoder reads what the encoder writes (and
// filter types 0–4), which is all the icon test needs.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, filter method 0, no interlace
	const rows = Buffer.alloc(height * (width * 4 + 1));
	for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
	return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
	const bytes = Buffer.from(png);
	if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
	let width = 0;
	let height = 0;
	const data: Buffer[] = [];
	for (let at = 8; at < bytes.length; ) {
		const length = bytes.readUInt32BE(at);
		const type = bytes.toString('latin1', at + 4, at + 8);
		const body = bytes.subarray(at + 8, at + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) throw new Error('only 8-bit RGBA PNGs without interlace are read');
		} else if (type === 'IDAT') data.push(body);
		at += 12 + length;
	}
	const rows = inflateSync(Buffer.concat(data));
	const stride = width * 4;
	const rgba = new Uint8Array(height * stride);
	for (let y = 0; y < height; y++) {
		const filter = rows[y * (stride + 1)];
		for (let x = 0; x < stride; x++) {
			const raw = rows[y * (stride + 1) + 1 + x];
			const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
			const up = y > 0 ? rgba[(y - 1) * stride + x] : 0;
			const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
			const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
			if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
			rgba[y * stride + x] = (raw + predictor) & 0xff;
		}
	}
	return { width, height, rgba };
}

function paeth(a: number, b: number, c: number): number {
	const p = a + b - c;
	const pa = Math.abs(p - a);
	const pb = Math.abs(p - b);
	const pc = Math.abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
