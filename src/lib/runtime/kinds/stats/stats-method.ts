import type { ResultTable } from '../result-table';
import type { SpecParams } from './spec-params';

/** One computation a stats cell can ask for: its parameters, and the tables it answers with. */
export interface StatsMethod {
	/** One line: what it computes (listed when a spec names an unknown method). */
	readonly summary: string;
	/** Every parameter the spec may hold besides `method`. */
	readonly params: readonly string[];
	/** Tables written besides the cell's own, by suffix (`_summary` → `<name>_summary`). */
	readonly suffixes: readonly string[];
	run(params: SpecParams): Promise<ResultTable[]>;
}
