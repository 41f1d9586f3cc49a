import { checkInteger, checkPositive } from './validate';

export interface TestDurationOptions {
	/** Sample size needed per group (for unequal groups, pass the total as nPerGroup with groups = 1). */
	nPerGroup: number;
	/** Number of groups (arms); default 2. */
	groups?: number;
	/** Eligible users (or sessions) per day. */
	dailyTraffic: number;
	/** Share of eligible traffic put into the test, in (0, 1]; default 1. */
	trafficShare?: number;
}

export interface TestDuration {
	/** ⌈totalSample / dailyInTest⌉. */
	days: number;
	/** nPerGroup × groups. */
	totalSample: number;
	/** dailyTraffic × trafficShare. */
	dailyInTest: number;
}

/** Days to collect the sample: ⌈nPerGroup · groups / (dailyTraffic · trafficShare)⌉. */
export function testDuration(options: TestDurationOptions): TestDuration {
	const { nPerGroup, groups = 2, dailyTraffic, trafficShare = 1 } = options;
	checkInteger('nPerGroup', nPerGroup, 1);
	checkInteger('groups', groups, 1);
	checkPositive('dailyTraffic', dailyTraffic);
	if (!(trafficShare > 0 && trafficShare <= 1)) throw new Error(`invalid trafficShare: ${trafficShare} (must be > 0 and <= 1)`);
	const totalSample = nPerGroup * groups;
	const dailyInTest = dailyTraffic * trafficShare;
	return { days: Math.ceil(totalSample / dailyInTest - 1e-9), totalSample, dailyInTest };
}
