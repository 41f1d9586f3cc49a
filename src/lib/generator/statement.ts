/** One SQL statement of the generator, named for progress reports and errors. */
export interface Statement {
	name: string;
	sql: string;
}
