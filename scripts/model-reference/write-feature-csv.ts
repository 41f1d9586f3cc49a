import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes `id,label,<features…>` rows; a missing value is an empty field. */
export async function writeFeatureCsv(path: string, names: string[], values: Float64Array[], labels: Uint8Array, firstId = 1): Promise<void> {
	const out = createWriteStream(path);
	out.write(['id', 'label', ...names].join(',') + '\n');
	const rows = labels.length;
	let chunk = '';
	for (let i = 0; i < rows; i++) {
		let line = `${firstId + i},${labels[i]}`;
		for (let f = 0; f < values.length; f++) {
			const x = values[f][i];
			line += Number.isNaN(x) ? ',' : `,${x}`;
		}
		chunk += line + '\n';
		if (chunk.length > 1 << 20) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await once(out, 'finish');
}
