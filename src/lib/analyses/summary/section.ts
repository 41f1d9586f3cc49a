import { sqlCell } from '../cell-fence';
import { summaryFunnelSql } from './summary-funnel-sql';
import { summaryHoursSql } from './summary-hours-sql';
import { summaryLabSql } from './summary-lab-sql';
import { summaryModelSql } from './summary-model-sql';
import { summaryPairsSql } from './summary-pairs-sql';
import { summaryWeek1Sql } from './summary-week1-sql';

/**
 * The recommendations summary at the top of the Customer Intelligence notebook. Its figures are
 * `${cell.column}` references to the sections' cells (and to six one-row cells here that pick
 * a figure out of a longer result or another cell's extra table); each shows the cell's current value, linked to the cell, or
 * says that the cell has not run or failed.
 */
export function summarySection(): string {
	return [
		`## Recommendations

What the data says to do, each figure measured by the cell it links to (click it to see how).
A figure in grey italics is one whose cell has not run yet or failed: nothing here is remembered
from an earlier run.

| Finding | Recommended action |
|---|---|
| At-risk value: \${rfm_at_risk.at_risk_value} of spend (\${rfm_at_risk.at_risk_value_pct}% of all buyers' spend) sits with buyers who bought often but not lately | Win them back: the audience *At risk, likely to return* holds \${audiences.users} users with an expected value of \${audiences.expected_value} |
| The experiment lab's win-back campaign: \${summary_lab.decision}, expected profit \${summary_lab.expected_profit}, probability of a loss \${summary_lab.loss_pct}% | Run the win-back as a test sized by the lab before rolling it out |
| Strongest bought-together pairs: \${summary_pairs.strongest} | Bundle or cross-sell them; for one product, \${also_bought.item}'s strongest partner is \${also_bought.partner_label} (lift \${also_bought.lift}) |
| The funnel step that loses the most users: \${summary_funnel.step}, \${summary_funnel.lost_pct}% lost (\${summary_funnel.users_lost} users) | Work on that step first |
| Peak purchase hours (\${summary_hours.time_zone}): \${summary_hours.peak_hours}, \${summary_hours.share_pct}% of purchases | Schedule campaigns just before them (set the time zone in section 5) |
| Week-1 churn: \${summary_week1.week1_churn_pct}% of new users have no event in their second week | Onboarding in the first week |
| The propensity model's top \${summary_model.k_pct}% of users buy \${summary_model.lift_at_k}× as often as average (precision \${summary_model.precision_pct}%, ROC-AUC \${summary_model.auc}) | Target by score rather than at random |

The figures picked out of longer results:`,
		sqlCell('summary_pairs', summaryPairsSql()),
		sqlCell('summary_funnel', summaryFunnelSql()),
		sqlCell('summary_hours', summaryHoursSql({ tzOffsetHours: '$tz_offset_hours' })),
		sqlCell('summary_week1', summaryWeek1Sql()),
		sqlCell('summary_model', summaryModelSql()),
		sqlCell('summary_lab', summaryLabSql())
	].join('\n\n');
}
