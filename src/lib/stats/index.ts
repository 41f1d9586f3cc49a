// Statistics for the A/B experiment lab: pure functions, no DOM. Group 1 is the control (A),
// group 2 the treatment (B); differences, lifts and one-sided alternatives are about B − A.

// Planning
export { sampleSizeProportions, PROPORTION_METHODS } from './sample-size-proportions';
export type { ProportionMethod, SampleSize, SampleSizeProportionsOptions } from './sample-size-proportions';
export { sampleSizeMeans } from './sample-size-means';
export type { SampleSizeMeansOptions } from './sample-size-means';
export { powerProportions } from './power-proportions';
export type { PowerProportionsOptions } from './power-proportions';
export { powerMeans, MEANS_DISTRIBUTIONS } from './power-means';
export type { MeansDistribution, PowerMeansOptions } from './power-means';
export { minimumDetectableEffectProportions, minimumDetectableEffectMeans } from './minimum-detectable-effect';
export type {
	MinimumDetectableEffect,
	MinimumDetectableEffectMeansOptions,
	MinimumDetectableEffectProportionsOptions
} from './minimum-detectable-effect';
export { testDuration } from './test-duration';
export type { TestDuration, TestDurationOptions } from './test-duration';

// Analysis
export { ALTERNATIVES } from './alternative';
export type { Alternative } from './alternative';
export type { Interval } from './interval';
export { twoProportionZTest } from './two-proportion-z-test';
export type { TwoCounts, TwoProportionZTest, TwoProportionZTestOptions } from './two-proportion-z-test';
export { chiSquare2x2 } from './chi-square-2x2';
export type { ChiSquare2x2Options, ChiSquareTest, Table2x2 } from './chi-square-2x2';
export { welchTTest, welchTTestArrays } from './welch-t-test';
export type { WelchTTest, WelchTTestOptions } from './welch-t-test';
export { tInterval, tIntervalDifference } from './t-interval';
export type { TInterval, TIntervalDifferenceOptions } from './t-interval';
export { wilsonInterval } from './wilson-interval';
export { newcombeInterval } from './newcombe-interval';
export { relativeLift } from './relative-lift';
export type { RelativeLift } from './relative-lift';
export { sampleRatioMismatch } from './sample-ratio-mismatch';
export type { SampleRatioMismatch, SampleRatioMismatchOptions } from './sample-ratio-mismatch';
export { betaBinomialComparison } from './beta-binomial';
export type { BetaBinomialComparison, BetaBinomialOptions, BetaPrior } from './beta-binomial';

// Sequential
export { msprt } from './msprt';
export type { Msprt, MsprtLook, MsprtOptions } from './msprt';
export { groupSequentialBoundaries } from './group-sequential-boundaries';
export type { BoundaryDesign, GroupSequentialBoundaries, GroupSequentialOptions } from './group-sequential-boundaries';

// Variance reduction
export { cuped, cupedSampleSize } from './cuped';
export type { Cuped } from './cuped';

// Simulation
export { mulberry32 } from './mulberry32';
export type { Random } from './mulberry32';
export { sampleNormal } from './sample-normal';
export { sampleGamma } from './sample-gamma';
export { sampleBeta } from './sample-beta';
export { sampleBinomial } from './sample-binomial';
export { simulateExperiment } from './simulate-experiment';
export type { SimulateExperiment, SimulateExperimentOptions } from './simulate-experiment';
export { simulateCampaign } from './simulate-campaign';
export type { CampaignScenario, CampaignScenarioRow, CampaignSummary, SimulateCampaign, SimulateCampaignOptions } from './simulate-campaign';

// Building blocks
export { mean, variance, covariance, correlation, summarize } from './moments';
export type { SummaryStats } from './moments';
export { quantileSorted } from './quantile';
export { histogram } from './histogram';
export type { HistogramBin } from './histogram';
export {
	normalCdf,
	normalSurvival,
	normalQuantile,
	normalDensity,
	studentTCdf,
	studentTSurvival,
	studentTQuantile,
	studentTDensity,
	noncentralTCdf,
	chiSquareSurvival,
	betaCdf,
	betaQuantile,
	logBeta,
	logGamma
} from './distributions';
