// Stats cells: a declarative spec naming a method of src/lib/stats (sample size, a test, a
// simulation…) and its parameters (numbers, `$inputs` or `table.column` values read from
// upstream cells). The answer is written as the table `nb.<name>` (and `<name>_<suffix>` for
// methods with more than one table), so charts, SQL and exports read it like any cell's.
import { noReferences, type CellData, type SpecProblem } from '../../../notebook';
import type { CellKind } from '../cell-kind';
import { readJsonSpec, specOrThrow } from '../json-spec';
import { resultTableQuery } from '../result-table';
import { specReferences } from '../spec-values';
import { previewSql, savedTableOutput, tableOutput } from '../table-output';
import { SpecParams } from './spec-params';
import type { StatsMethod } from './stats-method';
import { STATS_METHODS } from './stats-methods';

const EXAMPLE = '{"method": "sample_size", "baseline": 0.032, "target": 0.05, "alpha": 0.05, "power": 0.8}';

type StatsSpec = { method: string } & Record<string, unknown>;

function validate(value: unknown): { ok: true; spec: StatsSpec } | { ok: false; error: string } {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: `a stats spec is a JSON object, e.g. ${EXAMPLE}` };
	const spec = value as Record<string, unknown>;
	const names = [...STATS_METHODS.keys()].join(', ');
	if (typeof spec.method !== 'string') return { ok: false, error: `missing "method" (one of: ${names})` };
	const method = STATS_METHODS.get(spec.method);
	if (!method) return { ok: false, error: `unknown method ${JSON.stringify(spec.method)} (one of: ${names})` };
	const unknown = Object.keys(spec).filter((k) => k !== 'method' && !method.params.includes(k));
	if (unknown.length > 0) return { ok: false, error: `invalid ${spec.method} parameter "${unknown[0]}" (allowed: ${method.params.join(', ')})` };
	return { ok: true, spec: spec as StatsSpec };
}

const readStats = (cell: CellData) => readJsonSpec<StatsSpec>(cell.source, validate, EXAMPLE);

/** The method a half-typed spec names, if any (for the tables it writes). */
function methodOf(cell: CellData): StatsMethod | undefined {
	const read = readStats(cell);
	return read.ok ? STATS_METHODS.get(read.spec.method) : undefined;
}

const extraTables = (cell: CellData) => (cell.name ? (methodOf(cell)?.suffixes ?? []).map((s) => `${cell.name}${s}`) : []);

export const statsKind: CellKind = {
	kind: 'stats',
	defines: 'table',
	template: '{\n  "method": "sample_size",\n  "baseline": 0.032,\n  "target": 0.05,\n  "alpha": 0.05,\n  "power": 0.8\n}',
	extraTables,
	references(cell) {
		try {
			return specReferences(JSON.parse(cell.source));
		} catch {
			return noReferences(); // its run reports the JSON problem
		}
	},
	check(cell): SpecProblem | null {
		const read = readStats(cell);
		return read.ok ? null : read.problem;
	},
	writes: (cell) => (cell.name ? [cell.name, ...extraTables(cell)] : []),
	reusable: (cell, shown, { tables, fingerprint }) =>
		cell.name !== null && shown?.kind === 'table' && statsKind.writes(cell).every((t) => tables.get(t)?.fingerprint === fingerprint),
	async run(cell, ctx) {
		const name = cell.name;
		if (!name) throw new Error('a stats cell needs a name: its answer is the table other cells read by that name');
		const saved = await savedTableOutput(name, ctx, extraTables(cell));
		if (saved) return saved;
		const spec = specOrThrow(readStats(cell));
		const method = STATS_METHODS.get(spec.method)!;
		const tables = await method.run(new SpecParams(spec, ctx));
		if (!tables.some((t) => t.suffix === '')) throw new Error(`method ${spec.method} gave no table of its own`);
		const statements = tables.map((t) => ctx.cache.materialiseSql(`${name}${t.suffix}`, resultTableQuery(t), ctx.fingerprint));
		const preview = await ctx.client.query(statements.join('') + previewSql(name), { signal: ctx.signal });
		return tableOutput(ctx.cache, name, preview, null, false, ctx.signal);
	}
};

