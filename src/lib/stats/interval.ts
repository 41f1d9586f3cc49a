/** A point estimate with the lower and upper limits of an interval around it. */
export interface Interval {
	estimate: number;
	lower: number;
	upper: number;
}
