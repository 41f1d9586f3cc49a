import { describe, expect, it } from 'vitest';
import {
	INDEX_KEY,
	LEGACY_KEY,
	NotebookLibrary,
	memoryHistoryStore,
	memoryLibraryStore,
	type HistoryPolicy,
	type LibraryStore
} from '../../../src/lib/notebooks';

const policy: HistoryPolicy = { pauseMs: 3000, editsPerVersion: 5, versionsPerNotebook: 4, totalChars: 1_000_000 };

function setup(initial: Record<string, string> = {}, options: { maxChars?: number; history?: HistoryPolicy } = {}) {
	const store = memoryLibraryStore(initial);
	const history = memoryHistoryStore();
	let time = 1_000_000;
	let ids = 0;
	const clock = { advance: (ms: number) => (time += ms) };
	const make = (s: LibraryStore = store) =>
		new NotebookLibrary(s, history, { now: () => time, newId: () => `nb${++ids}`, history: options.history ?? policy, maxChars: options.maxChars });
	return { store, history, clock, make, library: make() };
}

const starter = () => ({ text: '---\ntitle: Starter\n---\n\n```sql name=a\nSELECT 1\n```\n', title: 'Starter' });
const titleOf = (text: string) => /title: (.*)/.exec(text)?.[1] ?? 'Untitled';

/** A store that throws on the first write of a key matching `failOn`: a crash at that point. */
function failingStore(inner: LibraryStore, failOn: (key: string) => boolean): LibraryStore & { armed: boolean } {
	const store = {
		armed: true,
		get: (key: string) => inner.get(key),
		remove: (key: string) => inner.remove(key),
		keys: () => inner.keys(),
		set(key: string, value: string) {
			if (store.armed && failOn(key)) {
				store.armed = false;
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			inner.set(key, value);
		}
	};
	return store;
}

describe('NotebookLibrary', () => {
	it('starts with the starter notebook, open, and remembers it', () => {
		const { library, make } = setup();
		const started = library.start(starter, titleOf);
		expect(started.problem).toBeNull();
		expect(started.text).toBe(starter().text);
		expect(library.list().map((n) => n.title)).toEqual(['Starter']);
		// A reload (a new library over the same storage) opens the same notebook.
		const again = make().start(() => ({ text: 'other', title: 'Other' }), titleOf);
		expect(again).toEqual({ id: started.id, text: starter().text, problem: null });
	});

	it('creates, duplicates, renames, switches and deletes notebooks', () => {
		const { library, make, clock } = setup();
		const first = library.start(starter, titleOf).id;
		clock.advance(10);
		const blank = library.create('---\ntitle: Blank\n---\n', 'Blank');
		if (!blank.ok) throw new Error(blank.problem.message);
		clock.advance(10);
		const copy = library.create(library.text(first)!, 'Starter (copy)', 'duplicated');
		if (!copy.ok) throw new Error(copy.problem.message);
		expect(library.list().map((n) => n.title)).toEqual(['Starter (copy)', 'Blank', 'Starter']);
		expect(library.text(copy.id)).toBe(library.text(first));

		// Rename: the title comes with the text that carries it.
		clock.advance(10);
		expect(library.save(blank.id, '---\ntitle: Sales\n---\n', 'Sales').ok).toBe(true);
		expect(library.entry(blank.id)?.title).toBe('Sales');

		// Switch: the next start opens it.
		expect(library.openId()).toBe(first);
		library.setOpen(blank.id);
		expect(make().start(starter, titleOf).id).toBe(blank.id);

		// Delete: its text goes; the open notebook is forgotten and the next start opens the newest left.
		expect(library.remove(blank.id).ok).toBe(true);
		expect(library.text(blank.id)).toBeNull();
		expect(library.list().map((n) => n.id)).toEqual([copy.id, first]);
		expect(library.openId()).toBeNull();
		expect(make().start(starter, titleOf).id).toBe(copy.id);
	});

	it('removes every stored text of a deleted notebook and its history', async () => {
		const { library, store, history } = setup();
		const id = library.start(starter, titleOf).id;
		library.save(id, 'v2', 'Starter');
		await library.historySettled();
		expect(history.versions.size).toBeGreaterThan(0);
		library.remove(id);
		await library.historySettled();
		expect(store.keys().filter((k) => k.includes(id))).toEqual([]);
		expect(history.versions.size).toBe(0);
	});

	it('migrates the pre-library autosave into the library once, then removes the old key', () => {
		const legacy = '---\ntitle: My analysis\n---\n\n```sql name=mine\nSELECT 42\n```\n';
		const { library, store, make } = setup({ [LEGACY_KEY]: legacy });
		const started = library.start(starter, titleOf);
		expect(started.text).toBe(legacy);
		expect(library.list().map((n) => n.title)).toEqual(['My analysis']);
		expect(library.legacyId()).toBe(started.id);
		expect(store.get(LEGACY_KEY)).toBeNull();
		// The next start finds the library: no second migration, no starter.
		expect(make().start(starter, titleOf)).toEqual({ id: started.id, text: legacy, problem: null });
		expect(make().list()).toHaveLength(1);
	});

	it('keeps the old autosave when the migration cannot be stored, and migrates it on the next start', () => {
		const legacy = '---\ntitle: Mine\n---\n';
		const { store, make } = setup({ [LEGACY_KEY]: legacy });
		const failing = failingStore(store, (key) => key === INDEX_KEY);
		const started = make(failing).start(starter, titleOf);
		expect(started.problem?.kind).toBe('refused');
		expect(started.text).toBe(legacy);
		expect(store.get(LEGACY_KEY)).toBe(legacy);
		expect(store.get(INDEX_KEY)).toBeNull();
		expect(make().start(starter, titleOf).text).toBe(legacy);
	});

	it('a save that fails between writing the new text and swapping the pointer leaves the previous text readable', () => {
		const { store, make } = setup();
		const library = make();
		const id = library.start(starter, titleOf).id;
		library.save(id, 'version two', 'Starter');
		const failing = failingStore(store, (key) => key === INDEX_KEY);
		const crashed = make(failing);
		const result = crashed.save(id, 'version three', 'Starter');
		expect(result.ok).toBe(false);
		// The pointer still names version two, and its text is there.
		const reloaded = make();
		expect(reloaded.text(id)).toBe('version two');
		expect(reloaded.start(starter, titleOf).text).toBe('version two');
		// The next save writes and sweeps: only the current text stays stored.
		expect(reloaded.save(id, 'version four', 'Starter').ok).toBe(true);
		expect(store.keys().filter((k) => k.startsWith('cin:notebook-text:'))).toEqual([`cin:notebook-text:${id}:${reloaded.entry(id)!.rev}`]);
		expect(make().text(id)).toBe('version four');
	});

	it('a crash after the new text is written and before the pointer moves is swept by the next save', () => {
		const { store, make } = setup();
		const library = make();
		const id = library.start(starter, titleOf).id;
		// What a tab killed between the two writes leaves: the new text under its key, the list unchanged.
		const rev = library.entry(id)!.rev;
		store.set(`cin:notebook-text:${id}:${rev + 1}`, 'half-finished save');
		expect(make().text(id)).toBe(starter().text);
		make().save(id, 'next', 'Starter');
		expect(store.keys().filter((k) => k.startsWith('cin:notebook-text:'))).toHaveLength(1);
		expect(make().text(id)).toBe('next');
	});

	it('rebuilds an unreadable list from the stored texts, losing no notebook', () => {
		const { library, store, make } = setup();
		const id = library.start(starter, titleOf).id;
		const other = library.create('other text', 'Other');
		if (!other.ok) throw new Error('create failed');
		store.set(INDEX_KEY, '{not json');
		const rebuilt = make();
		expect(rebuilt.list().map((n) => n.id).sort()).toEqual([id, other.id].sort());
		expect(rebuilt.text(other.id)).toBe('other text');
	});

	it('refuses a notebook too big to store with a message naming the size, the limit and the fix; the saved text stays', () => {
		const { library } = setup({}, { maxChars: 1_000_000 });
		const id = library.start(starter, titleOf).id;
		const huge = 'x'.repeat(50_000_000);
		const saved = library.save(id, huge, 'Starter');
		expect(saved.ok).toBe(false);
		if (saved.ok) return;
		expect(saved.problem.kind).toBe('too-big');
		expect(saved.problem.message).toContain('50.0 MB');
		expect(saved.problem.message).toContain('at most 1.0 MB');
		expect(saved.problem.message).toMatch(/Remove large pasted data/);
		expect(library.text(id)).toBe(starter().text);
		const imported = library.create(huge, 'Huge', 'imported');
		expect(imported.ok).toBe(false);
		expect(library.list()).toHaveLength(1);
	});

	it('names a full storage and the fix when the browser refuses a write; the saved text stays', () => {
		const { store, make } = setup();
		const id = make().start(starter, titleOf).id;
		const failing = failingStore(store, (key) => key.startsWith('cin:notebook-text:'));
		const saved = make(failing).save(id, 'more', 'Starter');
		expect(saved.ok).toBe(false);
		if (saved.ok) return;
		expect(saved.problem.message).toMatch(/storage for notebooks is full/);
		expect(saved.problem.message).toMatch(/Delete notebooks you no longer need/);
		expect(make().text(id)).toBe(starter().text);
	});
});

describe('NotebookLibrary history', () => {
	it('folds rapid saves into one version and starts another after a pause or many saves', async () => {
		const { library, clock } = setup();
		const id = library.start(starter, titleOf).id;
		// Typing: a save every 300 ms.
		for (let i = 1; i <= 3; i++) {
			clock.advance(300);
			library.save(id, `${starter().text}\n<!-- ${i} -->`, 'Starter');
		}
		let versions = await library.versions(id);
		expect(versions.map((v) => [v.seq, v.edits])).toEqual([
			[2, 3],
			[1, 1]
		]);
		expect(versions[1].summary).toBe('created');
		expect(versions[0].summary).toBe('text edited');
		expect(await library.versionText(versions[0])).toBe(`${starter().text}\n<!-- 3 -->`);

		// A pause: the next save is a new version.
		clock.advance(5000);
		library.save(id, starter().text.replace('SELECT 1', 'SELECT 2'), 'Starter');
		versions = await library.versions(id);
		expect(versions.map((v) => v.seq)).toEqual([3, 2, 1]);
		expect(versions[0].summary).toBe('edited a · text edited');

		// Typing without a pause still makes a version every 5 saves (editsPerVersion).
		for (let i = 0; i < 7; i++) {
			clock.advance(200);
			library.save(id, `${starter().text}-- ${i}`, 'Starter');
		}
		versions = await library.versions(id);
		// Version 3 took the first four of these (5 saves), version 4 the other three.
		expect(versions.map((v) => [v.seq, v.edits])).toEqual([
			[4, 3],
			[3, 5],
			[2, 3],
			[1, 1]
		]);
	});

	it('keeps at most N versions per notebook, dropping the oldest', async () => {
		const { library, clock } = setup();
		const id = library.start(starter, titleOf).id;
		for (let i = 0; i < 10; i++) {
			clock.advance(10_000);
			library.save(id, `text ${i}`, 'Starter');
		}
		const versions = await library.versions(id);
		expect(versions.map((v) => v.seq)).toEqual([11, 10, 9, 8]);
		expect(await library.versionText(versions[3])).toBe('text 6');
	});

	it('bounds the total size of all histories, pruning the oldest versions but never a notebook\'s newest', async () => {
		const { library, clock } = setup({}, { history: { ...policy, versionsPerNotebook: 20, totalChars: 3500 } });
		const a = library.start(() => ({ text: 'a'.repeat(1000), title: 'A' }), titleOf).id;
		clock.advance(10_000);
		const b = library.create('b'.repeat(1000), 'B');
		if (!b.ok) throw new Error('create failed');
		for (let i = 0; i < 3; i++) {
			clock.advance(10_000);
			library.save(a, String(i).repeat(1000), 'A');
		}
		const all = [...(await library.versions(a)), ...(await library.versions(b.id))];
		expect(all.reduce((s, v) => s + v.size, 0)).toBeLessThanOrEqual(3500);
		// B's only version is its newest: kept, though it is older than A's.
		expect((await library.versions(b.id)).map((v) => v.seq)).toEqual([1]);
		expect((await library.versions(a)).map((v) => v.seq)).toEqual([4, 3]);
	});

	it('restoring a version makes a new version, so the restore can itself be undone', async () => {
		const { library, clock } = setup();
		const id = library.start(starter, titleOf).id;
		clock.advance(10_000);
		library.save(id, 'second', 'Starter');
		clock.advance(10_000);
		library.save(id, 'third', 'Starter');
		const [, second] = await library.versions(id);
		const restoredText = (await library.versionText(second))!;
		clock.advance(1000);
		library.save(id, restoredText, 'Starter', { newVersion: true, why: 'restored version 2' });
		expect(library.text(id)).toBe('second');
		let versions = await library.versions(id);
		expect(versions.map((v) => v.seq)).toEqual([4, 3, 2, 1]);
		expect(versions[0].summary).toBe('restored version 2');
		expect(await library.versionText(versions[0])).toBe('second');
		// A save right after the restore does not fold into it: the restored text stays a version.
		clock.advance(100);
		library.save(id, 'second, edited', 'Starter');
		versions = await library.versions(id);
		expect(versions.map((v) => v.seq)).toEqual([5, 4, 3, 2]);
		// Undo the restore: the version before it is still there.
		expect(await library.versionText(versions.find((v) => v.seq === 3)!)).toBe('third');
	});

	it('a failing history never fails the save of the notebook itself', async () => {
		const store = memoryLibraryStore();
		const warnings: string[] = [];
		const library = new NotebookLibrary(
			store,
			{
				all: async () => [],
				text: async () => null,
				apply: async () => {
					throw new Error('IndexedDB is blocked');
				}
			},
			{ warn: (m) => warnings.push(m) }
		);
		const id = library.start(starter, titleOf).id;
		expect(library.save(id, 'edited', 'Starter').ok).toBe(true);
		await library.historySettled();
		expect(library.text(id)).toBe('edited');
		expect(warnings[0]).toMatch(/history/);
	});
});
