// Samples resident memory every ~150 ms and labels each sample with what was running then (an
// ingest step, a cell), so each measured step gets its own peak.
import type { ChromiumRss } from './process-tree';

export interface RssSample {
	t: number;
	label: string | null;
	rendererKiB: number;
	totalKiB: number;
}

export interface PeakQuery {
	from?: number;
	to?: number;
	label?: (label: string | null) => boolean;
}

export interface RssSamplerOptions {
	read: () => ChromiumRss;
	intervalMs?: number;
	/** Asks what is running now (may be slow, e.g. a page round trip); polled in its own loop. */
	labeler?: () => Promise<string | null>;
}

const MiB = (kib: number) => Math.round(kib / 1024);

export class RssSampler {
	readonly samples: RssSample[] = [];
	/** What is running now: set by the caller, or by the labeler. */
	label: string | null = null;
	#timer: ReturnType<typeof setInterval> | null = null;
	#labelling = false;

	constructor(private readonly options: RssSamplerOptions) {}

	now(): number {
		return performance.now();
	}

	start(): void {
		if (this.#timer) return;
		this.sample();
		this.#timer = setInterval(() => this.sample(), this.options.intervalMs ?? 150);
		const labeler = this.options.labeler;
		if (labeler) {
			this.#labelling = true;
			void (async () => {
				while (this.#labelling) {
					this.label = await labeler().catch(() => this.label);
					await new Promise((r) => setTimeout(r, this.options.intervalMs ?? 150));
				}
			})();
		}
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		this.#labelling = false;
	}

	sample(): void {
		const r = this.options.read();
		this.samples.push({ t: this.now(), label: this.label, rendererKiB: r.rendererKiB, totalKiB: r.totalKiB });
	}

	/** Peak renderer (or total) RSS in MiB over the samples that match; null if none do. */
	peakMiB(query: PeakQuery = {}, of: 'renderer' | 'total' = 'renderer'): number | null {
		let peak = -1;
		for (const s of this.samples) {
			if (query.from !== undefined && s.t < query.from) continue;
			if (query.to !== undefined && s.t > query.to) continue;
			if (query.label && !query.label(s.label)) continue;
			peak = Math.max(peak, of === 'renderer' ? s.rendererKiB : s.totalKiB);
		}
		return peak < 0 ? null : MiB(peak);
	}
}
