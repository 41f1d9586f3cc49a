// The notebook a first-time user sees: the Customer Intelligence notebook over the open dataset.
import { customerIntelligenceNotebook } from '../analyses/customer-intelligence';

export const STARTER_NOTEBOOK: string = customerIntelligenceNotebook();
