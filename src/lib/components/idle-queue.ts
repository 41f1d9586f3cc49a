// Work the page can do later, one piece per idle period, in the order asked. The notebook uses
// it to create its code editors after first paint: 44 CodeMirror views at once cost about 2 s
// of main thread before anything shows.
type Job = () => void;

const queue: Job[] = [];
let scheduled = false;

const requestIdle: (run: (deadline: { timeRemaining(): number }) => void) => void =
	typeof requestIdleCallback === 'function'
		? (run) => requestIdleCallback(run, { timeout: 1000 })
		: (run) => setTimeout(() => run({ timeRemaining: () => 8 }), 16);

function drain(deadline: { timeRemaining(): number }) {
	scheduled = false;
	// At least one job per idle period, so a busy page still makes progress.
	do queue.shift()?.();
	while (queue.length > 0 && deadline.timeRemaining() > 10);
	schedule();
}

function schedule() {
	if (scheduled || queue.length === 0) return;
	scheduled = true;
	requestIdle(drain);
}

/** Runs `job` when the page is idle; the returned function withdraws it if it has not run. */
export function whenIdle(job: Job): () => void {
	queue.push(job);
	schedule();
	return () => {
		const i = queue.indexOf(job);
		if (i >= 0) queue.splice(i, 1);
	};
}

/** Runs `job` once the next frame has been painted; the returned function cancels it. */
export function afterNextPaint(job: Job): () => void {
	let cancelled = false;
	const run = () => !cancelled && job();
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
	else setTimeout(run, 0);
	return () => {
		cancelled = true;
	};
}
