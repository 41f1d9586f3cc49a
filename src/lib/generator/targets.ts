// Published statistics of the real data set ("eCommerce behavior data from multi category store",
// 2019-Oct.csv + 2019-Nov.csv). The generator is calibrated to these; the fidelity report compares.

export const REAL = {
	rows: { oct: 42_448_764, nov: 67_501_979 },
	eventShare: {
		oct: { view: 0.961, cart: 0.022, purchase: 0.0175 },
		nov: { view: 0.942, cart: 0.045, purchase: 0.0136 }
	},
	users: { total: 5_316_649, oct: 3_022_290, nov: 3_696_117, octReturnShare: 0.464 },
	sessions: { total: 23_000_000, perUser: 4.33, eventsPerSessionMean: 4.78, eventsPerSessionMedian: 2 },
	buyers: {
		share: 0.131,
		purchasesPerBuyer: { 1: 0.577, 2: 0.199, 3: 0.085, 4: 0.044 },
		octUsersBuyingInNov: 0.121,
		cartSessionsPurchasing: 0.4,
		purchaseSessionsWithoutCart: 0.16
	},
	catalogue: { products: 206_876, categoryIds: 691, categoryCodes: 129, brands: 4_303 },
	nullShare: { categoryCode: 0.32, brand: 0.14 },
	smartphone: { events: 0.24, purchases: 0.43, revenue: 0.66 },
	topBrands: ['samsung', 'apple', 'xiaomi', 'huawei'],
	purchasePrice: { median: 174, mean: 304, max: 2574.07 },
	zeroPriceShare: 0.003,
	time: {
		eventsTroughHour: 23,
		eventsPeakHour: 16,
		purchasesPeakHour: 9,
		weekdayMaxDeviation: 0.07,
		novTraffic: { 14: 2, 15: 4, 16: 4.3, 17: 4.2 },
		novPurchases: { 16: 3, 17: 7.7, 29: 1.3 }
	},
	duplicateRevenueInflation: 0.07,
	nullSessionsPerRow: 12 / 109_950_743
} as const;
