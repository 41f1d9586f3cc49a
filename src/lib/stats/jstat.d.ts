// The part of jStat 1.9.6 (a UMD bundle with module.exports = jStat, no types) that src/lib/stats uses.
declare module 'jstat' {
	interface JStat {
		normal: {
			inv(p: number, mean: number, sd: number): number;
		};
		studentt: {
			cdf(x: number, df: number): number;
			inv(p: number, df: number): number;
		};
		noncentralt: {
			cdf(x: number, df: number, ncp: number): number;
		};
		beta: {
			cdf(x: number, a: number, b: number): number;
			inv(p: number, a: number, b: number): number;
		};
		gammaln(x: number): number;
		betaln(a: number, b: number): number;
	}
	const jStat: JStat;
	export default jStat;
}
