export { NotebookLibrary, LEGACY_KEY, INDEX_KEY, MAX_NOTEBOOK_CHARS, type NotebookEntry, type LibraryOptions, type SaveResult } from './notebook-library';
export { memoryLibraryStore, browserLibraryStore, type LibraryStore } from './library-store';
export { memoryHistoryStore, type HistoryStore, type VersionInfo, type VersionKey } from './history-store';
export { idbHistoryStore } from './idb-history-store';
export { DEFAULT_HISTORY_POLICY, changeSummary, versionsToPrune, versionToAmend, type HistoryPolicy } from './version-history';
export { notebookTooBig, storageRefused, type SaveProblem } from './save-problem';
export { blankNotebook, uniqueTitle } from './new-notebook';
