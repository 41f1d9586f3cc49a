// The File System Access pickers, where the browser has them (Chromium). Elsewhere the page
// falls back to <input type=file> and drag-and-drop. Handles are returned too, so a dataset
// can re-read its sources later (after the user grants permission again).
import { isDataFile } from './data-file-types';

interface PickerWindow {
	showOpenFilePicker?: (options: object) => Promise<FileSystemFileHandle[]>;
	showDirectoryPicker?: (options?: object) => Promise<FileSystemDirectoryHandle>;
}

export interface Picked {
	files: File[];
	handles: FileSystemFileHandle[];
}

const picker = (): PickerWindow => (typeof window === 'undefined' ? {} : (window as unknown as PickerWindow));

export const canPickFiles = () => typeof picker().showOpenFilePicker === 'function';
export const canPickFolder = () => typeof picker().showDirectoryPicker === 'function';

/** null when the user closed the picker. */
export async function pickFiles(): Promise<Picked | null> {
	const handles = await picker().showOpenFilePicker!({
		multiple: true,
		types: [{ description: 'Event logs (CSV, CSV.gz, Parquet)', accept: { 'text/csv': ['.csv', '.gz'], 'application/octet-stream': ['.parquet', '.gz'] } }]
	}).catch(cancelled);
	return handles ? withFiles(handles) : null;
}

/** Every data file directly inside the chosen folder (e.g. the monthly files side by side). */
export async function pickFolder(): Promise<Picked | null> {
	const dir = await picker().showDirectoryPicker!({ mode: 'read' }).catch(cancelled);
	if (!dir) return null;
	const handles: FileSystemFileHandle[] = [];
	for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
		if (entry.kind === 'file' && isDataFile(entry.name)) handles.push(entry as FileSystemFileHandle);
	}
	handles.sort((a, b) => a.name.localeCompare(b.name));
	return withFiles(handles);
}

/** Asks again for read access to stored handles (needs a user gesture); null if refused. */
export async function reopenHandles(handles: FileSystemFileHandle[]): Promise<Picked | null> {
	for (const handle of handles) {
		const h = handle as FileSystemFileHandle & { requestPermission?: (o: object) => Promise<PermissionState> };
		if (h.requestPermission && (await h.requestPermission({ mode: 'read' })) !== 'granted') return null;
	}
	return withFiles(handles);
}

async function withFiles(handles: FileSystemFileHandle[]): Promise<Picked> {
	// getFile() is a lazy File: DuckDB reads it in slices, nothing is copied here.
	return { files: await Promise.all(handles.map((h) => h.getFile())), handles };
}

function cancelled(error: unknown): null {
	if (error instanceof DOMException && error.name === 'AbortError') return null;
	throw error;
}
