// Reading command-line options, for the repo's CLIs (generate, bench, notebook): iterate the
// flags, and take a flag's value(s) from the cursor. A value may not look like a flag, so a
// forgotten value reads as "missing value for --out", not as an option swallowed.
export class ArgCursor {
	readonly #args: string[];
	#i: number;

	/** `start`: how many leading words to skip (a command name, say). `--` is ignored. */
	constructor(argv: readonly string[], start = 0) {
		this.#args = argv.filter((x) => x !== '--');
		this.#i = start - 1;
	}

	/** The word at `index` (before iterating: the command name…). */
	at(index: number): string | undefined {
		return this.#args[index];
	}

	*flags(): Generator<string> {
		while (++this.#i < this.#args.length) yield this.#args[this.#i];
	}

	/** The current flag's value. */
	value(): string {
		const flag = this.#args[this.#i];
		const v = this.#args[++this.#i];
		if (v === undefined || v.startsWith('--')) throw new Error(`missing value for ${flag}`);
		return v;
	}

	/** The current flag's value taken as it is, even if it starts with `--` (flags passed on). */
	verbatim(): string {
		const flag = this.#args[this.#i];
		const v = this.#args[++this.#i];
		if (v === undefined || v === '') throw new Error(`missing value for ${flag}`);
		return v;
	}

	/** The current flag's value as a finite number passing `check`. */
	number(check: (n: number) => boolean = () => true): number {
		const flag = this.#args[this.#i];
		const raw = this.value();
		const n = Number(raw);
		if (!Number.isFinite(n) || !check(n)) throw new Error(`invalid ${flag}: ${raw}`);
		return n;
	}

	/** One value or more: `--data a b c`, every following word that is not an option. */
	values(): string[] {
		const list = [this.value()];
		while (this.#args[this.#i + 1] !== undefined && !this.#args[this.#i + 1].startsWith('--')) list.push(this.#args[++this.#i]);
		return list;
	}
}
