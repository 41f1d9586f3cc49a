// `npm run bad-inputs`: writes the bad-input corpus (corpus.ts) to tests/fixtures/bad/, with a
// README listing what is wrong with each file. Files too big to commit are git-ignored there.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { badInputs, FIXTURES_DIR } from './corpus';

const dir = path.resolve(FIXTURES_DIR);
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) rmSync(path.join(dir, name));
const inputs = await badInputs();
for (const input of inputs) writeFileSync(path.join(dir, input.name), input.bytes);
writeFileSync(path.join(dir, '.gitignore'), inputs.filter((i) => i.large).map((i) => `${i.name}\n`).join(''));
writeFileSync(
	path.join(dir, 'README.md'),
	[
		'# Bad inputs',
		'',
		'Written by `npm run bad-inputs` (scripts/bad-inputs/corpus.ts); do not edit by hand. What a user sees when',
		'opening each file is asserted word for word in tests/unit/ingest/bad-inputs.test.ts, and in the browser by',
		'tests/e2e/datasets.spec.ts.',
		'',
		'| file | what is wrong |',
		'|---|---|',
		...inputs.map((i) => `| ${i.name}${i.large ? ' (not committed: too big)' : ''} | ${i.about} |`),
		''
	].join('\n')
);
console.log(`${inputs.length} bad inputs → ${path.relative(process.cwd(), dir)}`);
