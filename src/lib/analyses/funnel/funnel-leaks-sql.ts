/**
 * Purchases without a cart event: sessions with a purchase and no cart event (their count,
 * share of purchase sessions and revenue), and buyers who never put anything in a cart.
 * Reads sessions and users.
 */
export function funnelLeaksSql(): string {
	return `WITH visits AS (
	SELECT count(*) FILTER (WHERE has_purchase) AS purchase_sessions,
		count(*) FILTER (WHERE has_purchase AND NOT has_cart) AS without_cart,
		sum(revenue) AS revenue,
		coalesce(sum(revenue) FILTER (WHERE has_purchase AND NOT has_cart), 0) AS revenue_without_cart
	FROM sessions
),
people AS (
	SELECT count(*) FILTER (WHERE purchases > 0) AS buyers,
		count(*) FILTER (WHERE purchases > 0 AND carts = 0) AS buyers_without_cart
	FROM users
)
SELECT purchase_sessions,
	without_cart AS purchase_sessions_without_cart,
	round(100 * without_cart / nullif(purchase_sessions, 0), 2) AS sessions_without_cart_pct,
	revenue_without_cart,
	round(100 * revenue_without_cart / nullif(revenue, 0), 2) AS revenue_without_cart_pct,
	buyers,
	buyers_without_cart,
	round(100 * buyers_without_cart / nullif(buyers, 0), 2) AS buyers_without_cart_pct
FROM visits, people`;
}
