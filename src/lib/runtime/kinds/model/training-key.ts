// A trained model is kept in `<name>_model` with the key of what it was trained from: the
// spec's training settings, the features and the fingerprints of the two tables it read. A run
// whose key matches (the user to explain or the top share k changed, a reload) reuses it
// instead of training.
import { hashString } from '../../fingerprint';
import type { ModelSpec } from './model-spec';

export function trainingKey(spec: ModelSpec, features: string[], tables: { train: string | null; test: string | null }): string {
	const { explain: _explain, k: _k, ...training } = spec;
	return hashString(JSON.stringify({ training, features, tables }));
}
