// Behaviour parameters: how many sessions of which kind users have, when, and how the hidden
// process decides who comes back and who buys in November. Tuned so the fidelity report meets
// the targets in targets.ts; shares that are quotas (buyers, returners) are met by ranking users
// on a noisy score and taking the top share, which keeps them exact at every scale.

export const BEHAVIOUR = {
	/** Share of all users active in October (the rest appear first in November). */
	octUserShare: 3_022_290 / 5_316_649,
	/** Quotas, as shares of October users or of November-only users. */
	octBuyerShare: 0.108,
	returnShare: 0.464,
	octUsersBuyingInNov: 0.121,
	novOnlyBuyerShare: 0.048,

	/** Engagement: g = exp(engagementSigma * N(0,1)). */
	engagementSigma: 0.85,
	/** Hidden states of October users: browser, casual, hunter, loyal, lapsing. */
	stateShares: [0.5, 0.22, 0.09, 0.07, 0.12],
	/** Lapsing users' October activity ends on a day drawn uniformly from this range. */
	lapsingLastDay: [4, 20],
	/** Their approximate share of October sessions (regular users' days are tilted to keep traffic flat). */
	lapsingSessionShare: 0.1,
	/** Score bonus per state for buying in October. */
	octBuyBonus: [-1.0, 0.2, -0.3, 1.8, 0.0],
	/** Score bonus per state for buying in November (the hidden part of the process). */
	novBuyBonus: [-0.6, 0.0, 0.8, 1.0, -0.3],
	/** Weight of the logistic noise in the November purchase score (sets the best AUC). */
	novBuyNoise: 1.2,

	/** Phone brand preference: samsung, apple, xiaomi, huawei (cumulative); rest have none. */
	phoneBrandCum: [0.36, 0.64, 0.84, 0.92],
	phoneBrandLoyalty: 0.7,

	/**
	 * Per month [Oct, Nov]: most buyers buy in one session; some (chance multiBuyer × g^0.8,
	 * loyal ×2.5) are repeat buyers with 2 + geometric(repeatMean) purchase sessions, and a
	 * `heavyShare` of those are heavy buyers with 3 + geometric(heavyMean).
	 */
	multiBuyer: [0.12, 0.11],
	repeatMean: [0.8, 0.7],
	heavyShare: 0.2,
	heavyMean: [6, 5.5],
	/** Mean cart-only sessions (geometric), times g^0.6; hunters ×4. */
	cartOnlySessions: [0.065, 0.32],
	/** Mean browse sessions (Lomax), times g. */
	browseSessions: [1.8, 2.0],
	/** Share of purchase sessions without a cart event. */
	purchaseWithoutCart: [0.32, 0.02],

	/** Mean extra views per session (Lomax with shape viewsAlpha) by kind: browse, cart-only, purchase. */
	views: [3.95, 6.5, 6.0],
	viewsAlpha: 1.7,
	/** Probability a browse session focuses on the user's favourite category. */
	favouriteFocus: 0.4,
	/** Share of views in the session's focus category (the rest roam the store). */
	focusViews: 0.78,
	/** Share of views in cart/purchase sessions that revisit the target product. */
	revisit: 0.15,
	/** Mean extra cart rows (geometric) in cart-only and cart+purchase sessions. */
	extraCarts: [0.1, 0.05],
	/** Mean seconds between events. */
	gapSeconds: 55,

	/** Duplicated rows: share of cart rows in a burst (1–3 copies), of purchase rows (1–2). */
	duplicateCart: 0.05,
	duplicatePurchase: 0.058,
	zeroPrice: 0.003,
	negativePrice: 0.00001,
	nullSession: 12 / 109_950_743,

	/** Day weights. Weekday factors Sun..Sat; November spikes for traffic and for purchases. */
	weekdayTraffic: [1.02, 1.04, 1.03, 1.01, 0.99, 0.95, 0.96],
	weekdayPurchases: [1.05, 1.03, 1.02, 1.0, 0.98, 0.96, 0.96],
	novTraffic: { 14: 2.0, 15: 4.45, 16: 4.7, 17: 3.7 } as Record<number, number>,
	novPurchases: { 14: 1.6, 15: 2.2, 16: 3.0, 17: 7.3, 29: 1.3 } as Record<number, number>,
	/** Hour-of-day weights (UTC) for session starts: all sessions, and purchase sessions. */
	hourTraffic: [0.3, 0.3, 0.42, 0.58, 0.74, 0.84, 0.88, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.98, 1.02, 1.1, 1.2, 1.12, 0.92, 0.7, 0.48, 0.3, 0.19, 0.12],
	hourPurchases: [0.2, 0.25, 0.45, 0.7, 0.9, 1.0, 1.05, 1.1, 1.17, 1.45, 1.18, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 0.75, 0.6, 0.45, 0.3, 0.2, 0.13, 0.08]
};
