export {
	idleState,
	isValidCellName,
	newCellId,
	type CellData,
	type CellId,
	type CellKind,
	type CellRuntimeState,
	type CellStatus
} from './cell';
export { hasFlag, RENDERED_KINDS, type CellFlag } from './cell-flags';
export { cellStorage, VIEW_ATTRIBUTE, type CellStorage } from './cell-storage';
export { extractTableReferences, extractVariables, sqlReferences } from './references';
export { noReferences, PROSE_KIND, syntaxOf, type CellReferences, type CellSyntax, type CellSyntaxes, type SpecProblem } from './cell-syntax';
export { buildGraph, descendants, topologicalOrder, type NotebookGraph } from './graph';
export { Scheduler, type RunCell, type SchedulerOptions } from './scheduler';
export {
	createNotebook,
	parseNotebook,
	parseNotebookSafe,
	type ParseOptions,
	serializeNotebook,
	withCells,
	NotebookFormatError,
	type CellLayout,
	type NotebookDocument,
	type NotebookLayout
} from './document';
export { NOTEBOOK_MAGIC, SUPPORTED_VERSIONS } from './front-matter';
export { MARK_TYPES, validateChartSpec, type ChartSpec, type MarkSpec, type MarkType, type ScaleSpec } from './chart-spec';
export { validateInputSpec, type InputSpec } from './input-spec';
export { isReservedWord, RESERVED_WORDS } from './reserved-words';
