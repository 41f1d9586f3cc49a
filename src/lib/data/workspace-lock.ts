// OPFS sync access handles are exclusive: a second tab opening the same database fails with
// "No modification allowed". A Web Lock held for the tab's lifetime lets us say so up front.

export class WorkspaceLockedError extends Error {
	constructor() {
		super(
			'This workspace is already open in another tab of this browser. ' +
				'Close that tab (or switch to it), then reload this one.'
		);
		this.name = 'WorkspaceLockedError';
	}
}

/** The lock a tab holds while it has the database at `path` open. */
export function workspaceLockName(path: string): string {
	return `cin:${path}`;
}

/** Whether another tab has the database at `path` open now (false when the browser cannot tell). */
export async function isWorkspaceHeld(path: string): Promise<boolean> {
	if (typeof navigator === 'undefined' || typeof navigator.locks?.query !== 'function') return false;
	const { held = [] } = await navigator.locks.query();
	return held.some((lock) => lock.name === workspaceLockName(path));
}

/** Takes the named lock until `release()` (or the page goes away); throws if another tab holds it. */
export async function holdWorkspaceLock(name: string): Promise<() => void> {
	if (typeof navigator === 'undefined' || !navigator.locks) return () => {}; // no Web Locks: cannot tell, carry on
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	const granted = await new Promise<boolean>((resolve) => {
		void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
			if (!lock) {
				resolve(false);
				return;
			}
			resolve(true);
			return held;
		});
	});
	if (!granted) throw new WorkspaceLockedError();
	return release;
}
