// The benchmark, step by step, in pipeline order. A new measured step is one more entry: a
// BenchStep with its browser and native halves.
import type { BenchStep } from './bench-step';
import { factsStep } from './steps/facts-step';
import { ingestStep } from './steps/ingest-step';
import { inputsStep } from './steps/inputs-step';
import { modelStep } from './steps/model-step';
import { queriesStep } from './steps/queries-step';
import { reopenStep } from './steps/reopen-step';
import { roundTripStep } from './steps/round-trip-step';

export const BENCH_STEPS: readonly BenchStep[] = [ingestStep, factsStep, roundTripStep, queriesStep, inputsStep, modelStep, reopenStep];
