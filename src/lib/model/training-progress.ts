/** What a long training reports, once per tree (or Newton step) and once per phase. */
export interface TrainingProgress {
	phase: 'binning' | 'gbdt' | 'logistic';
	/** Trees grown so far (logistic: Newton steps done). */
	trees: number;
	/** Trees at most (logistic: steps at most). */
	maxTrees: number;
	/** Mean log loss on (up to 100,000 of) the rows trained on; null before the first tree. */
	trainLoss: number | null;
	/** Mean log loss on the early-stopping validation slice; null without one. */
	validLoss: number | null;
}

export type ProgressCallback = (progress: TrainingProgress) => void;

/** Asked between trees; true (or a promise of true) cancels the training. */
export type StopCheck = () => boolean | Promise<boolean>;
