// The list of datasets, kept in localStorage so the start page can show it without opening any
// database (each is exclusive to one tab and costs an engine start). The databases hold the
// truth about completeness (the store_build marker); this list is what the user sees.
import { isValidDatasetId, type DatasetInfo } from './dataset-info';

const KEY = 'cin:datasets:v1';

interface Saved {
	current: string | null;
	datasets: DatasetInfo[];
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export class DatasetRegistry {
	#store: KeyValueStore;
	#saved: Saved;

	constructor(store: KeyValueStore) {
		this.#store = store;
		this.#saved = readSaved(store);
	}

	list(): DatasetInfo[] {
		return [...this.#saved.datasets].sort((a, b) => b.lastOpened - a.lastOpened);
	}

	get(id: string): DatasetInfo | undefined {
		return this.#saved.datasets.find((d) => d.id === id);
	}

	get current(): string | null {
		const id = this.#saved.current;
		return id !== null && this.get(id) ? id : null;
	}

	setCurrent(id: string | null) {
		this.#saved = { ...this.#saved, current: id };
		this.#write();
	}

	put(info: DatasetInfo) {
		const others = this.#saved.datasets.filter((d) => d.id !== info.id);
		this.#saved = { ...this.#saved, datasets: [...others, info] };
		this.#write();
	}

	update(id: string, patch: Partial<Omit<DatasetInfo, 'id'>>) {
		const found = this.get(id);
		if (found) this.put({ ...found, ...patch });
	}

	remove(id: string) {
		this.#saved = {
			current: this.#saved.current === id ? null : this.#saved.current,
			datasets: this.#saved.datasets.filter((d) => d.id !== id)
		};
		this.#write();
	}

	#write() {
		try {
			this.#store.setItem(KEY, JSON.stringify(this.#saved));
		} catch (error) {
			// The list is rebuilt from what is opened next; losing it never loses data.
			console.warn('could not save the dataset list', error);
		}
	}
}

function readSaved(store: KeyValueStore): Saved {
	let value: unknown;
	try {
		value = JSON.parse(store.getItem(KEY) ?? 'null');
	} catch {
		return { current: null, datasets: [] };
	}
	if (typeof value !== 'object' || value === null) return { current: null, datasets: [] };
	const { current, datasets } = value as Partial<Saved>;
	return {
		current: typeof current === 'string' ? current : null,
		datasets: Array.isArray(datasets) ? datasets.filter(isDatasetInfo) : []
	};
}

function isDatasetInfo(value: unknown): value is DatasetInfo {
	if (typeof value !== 'object' || value === null) return false;
	const d = value as Partial<DatasetInfo>;
	return (
		typeof d.id === 'string' &&
		isValidDatasetId(d.id) &&
		typeof d.name === 'string' &&
		(d.state === 'ingesting' || d.state === 'ready' || d.state === 'missing') &&
		Array.isArray(d.files) &&
		typeof d.createdAt === 'number' &&
		typeof d.lastOpened === 'number'
	);
}
