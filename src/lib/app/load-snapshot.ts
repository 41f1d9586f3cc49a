// The output snapshot a notebook opens with on a dataset: what it last showed there in this
// browser (IndexedDB), else, for the bundled sample, the snapshot shipped with its prebuilt
// store, so a first visit shows the default notebook's results before the engine has even
// started. The runtime shows only outputs whose fingerprints match the cells and data it has, so
// the shipped snapshot fills only the cells a notebook shares with the default one.
import { SAMPLE_ID } from '../datasets/dataset-info';
import { loadOutputSnapshot } from '../datasets/output-snapshot-store';
import { snapshotFromJson, type SnapshotKey } from '../runtime';

/** `legacyId`: the notebook made from the pre-library autosave, which reads the dataset's old snapshot. */
export async function loadSnapshot({ datasetId, notebookId }: SnapshotKey, legacyId: string | null): Promise<unknown> {
	const saved = await loadOutputSnapshot(datasetId, notebookId, { legacy: notebookId === legacyId });
	if (saved || datasetId !== SAMPLE_ID || typeof document === 'undefined') return saved;
	const { prebuiltSampleSnapshotText, prebuiltSampleUrl } = await import('../datasets/prebuilt-sample');
	const text = await prebuiltSampleSnapshotText(prebuiltSampleUrl(document.baseURI));
	return text === null ? null : snapshotFromJson(text);
}
