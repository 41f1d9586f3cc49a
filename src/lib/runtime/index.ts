export { NotebookRuntime, CHECKPOINT_DELAY_MS, type AttachedData, type CellState, type RuntimeListener, type RuntimeOptions, type SnapshotKey, type SnapshotStore } from './notebook-runtime';
export { openNotebookFile, openSharedNotebook, readNotebook, readNotebookSafe, type ReadOptions } from './read-notebook';
export { DEFAULT_KINDS, cellKinds, type CellKinds } from './kinds/registry';
export type { CellKind, CellProgress, RunContext } from './kinds/cell-kind';
export type { CellOutput } from './cell-output';
export { CELL_SCHEMA, RESULTS_CACHE_SETUP, ResultsCache, type SavedTable } from './results-cache';
export { isOutputSnapshot, type OutputSnapshot } from './output-snapshot';
export { snapshotFromJson, snapshotToJson } from './snapshot-json';
