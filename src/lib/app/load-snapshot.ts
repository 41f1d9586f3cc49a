// The output snapshot a dataset opens with: what the notebook last showed on it in this browser
// (IndexedDB), else, for the bundled sample, the snapshot shipped with its prebuilt store, so a
// first visit shows the default notebook's results before the engine has even started. The
// runtime shows only outputs whose fingerprints match the cells and data it has.
import { SAMPLE_ID } from '../datasets/dataset-info';
import { loadOutputSnapshot } from '../datasets/output-snapshot-store';
import { snapshotFromJson } from '../runtime';

export async function loadSnapshot(datasetId: string): Promise<unknown> {
	const saved = await loadOutputSnapshot(datasetId);
	if (saved || datasetId !== SAMPLE_ID || typeof document === 'undefined') return saved;
	const { prebuiltSampleSnapshotText, prebuiltSampleUrl } = await import('../datasets/prebuilt-sample');
	const text = await prebuiltSampleSnapshotText(prebuiltSampleUrl(document.baseURI));
	return text === null ? null : snapshotFromJson(text);
}
