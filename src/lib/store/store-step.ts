/**
 * One unit of store work: run `sql` (one or more statements) as a whole; the caller shows
 * progress per step and may CHECKPOINT between steps. Steps never rely on connection state
 * left by an earlier step, so a restarted engine can carry on with the next one.
 */
export interface StoreStep {
	name: string;
	sql: string;
}
