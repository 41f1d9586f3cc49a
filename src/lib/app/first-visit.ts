// A first visit is one with nothing of this app saved in the browser: every key the app writes
// to localStorage (notebook, dataset list, settings) starts with `cin:`. Read it before the
// session starts, which saves the starter notebook at once.
export function isFirstVisit(storage: () => Pick<Storage, 'length' | 'key'> = () => localStorage): boolean {
	try {
		const store = storage();
		for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith('cin:')) return false;
		return true;
	} catch {
		// No storage to read: nothing could be kept either, so say nothing rather than always.
		return false;
	}
}
