// `npm run icons`: writes static/icons/*.png from static/favicon.svg (render-icon.ts). Run it
// after changing the favicon; a unit test checks the committed icons match it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ICONS } from './app-icons';
import { encodePng } from './png';
import { drawIcon, readIconSvg } from './render-icon';

const source = readIconSvg(readFileSync('static/favicon.svg', 'utf8'));
for (const icon of APP_ICONS) {
	const file = path.join('static', icon.file);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, encodePng(icon.pixels, icon.pixels, drawIcon(source, icon.pixels, icon.maskable)));
	console.log(`${file}: ${icon.pixels}×${icon.pixels}${icon.maskable ? ', maskable' : ''}`);
}
