// The notebook a first-time user sees, over the bundled sample's `events` table.
import text from './starter-notebook.md?raw';

export const STARTER_NOTEBOOK: string = text;
