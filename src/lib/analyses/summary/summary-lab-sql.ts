/** The experiment lab's campaign verdict (a stats cell's extra table), as one row prose can quote. */
export function summaryLabSql(p: { scenarios?: string } = {}): string {
	const summary = p.scenarios ?? 'lab_scenarios_summary';
	return `SELECT decision, round(expected_profit, 2) AS expected_profit, round(100 * probability_of_loss, 1) AS loss_pct, rule
FROM ${summary}`;
}
