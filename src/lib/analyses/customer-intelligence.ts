// The default notebook, assembled from the analyses: each section's SQL and charts come from
// its folder, so the tests that check an analysis on hand-built data check this notebook too.
import { actionsSection } from './actions/section';
import { basketSection } from './basket/section';
import { brandLoyaltySection } from './brand-loyalty/section';
import { cohortSection } from './cohort/section';
import { explorerSection } from './explorer/section';
import { funnelSection } from './funnel/section';
import { labSection } from './lab/section';
import { optimisationSection } from './optimisation/section';
import { overviewSection } from './overview/section';
import { propensitySection } from './propensity/section';
import { rfmSection } from './rfm/section';
import { summarySection } from './summary/section';
import { temporalSection } from './temporal/section';

const FRONT_MATTER = `---
notebook: customer-intelligence-notebook
version: 1
title: Customer Intelligence
---`;

const INTRO = `# Customer Intelligence

Who is about to churn, who will buy next, what is bought together, where the funnel leaks, and
when people buy: every number below comes from an editable SQL cell over the open dataset (see
**Datasets** on the left; the bundled sample is a generated two-month event log). Edit a cell
and press **Shift+Enter**: it re-runs, and so does every cell that reads it. Inputs (the boxes
showing a \`$name\`) are variables the SQL reads; changing one re-runs only the cells that use it.

The sections read the optimised store's fact tables, not the raw events, so they stay
interactive on the full 110M-event data set.`;

export function customerIntelligenceNotebook(): string {
	const sections = [
		summarySection(),
		optimisationSection(),
		overviewSection(),
		explorerSection(),
		funnelSection(),
		temporalSection(),
		rfmSection(),
		cohortSection(),
		`${basketSection()}\n\n${brandLoyaltySection()}`,
		propensitySection(),
		labSection(),
		actionsSection()
	];
	return `${[FRONT_MATTER, INTRO, ...sections].join('\n\n')}\n`;
}
