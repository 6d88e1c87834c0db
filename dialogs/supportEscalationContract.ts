import type { PlanId } from '../src/domain/plans.js';

/**
 * The contract between the cancellation paths and the support path (F13, F14, F15): the paths
 * begin this dialog and read its result; the support dialog lives in supportEscalationDialog.ts.
 */
export const SUPPORT_ESCALATION_DIALOG = 'supportEscalation';

/** Why the admin needs support. */
export type SupportReason = 'enterpriseOrMidsize' | 'productKey' | 'noCancelOption' | 'quickRecall' | 'asked';

export interface SupportEscalationOptions {
  plan?: PlanId;
  reason: SupportReason;
  /** The path that led here, for the case record and the outcome funnel. */
  path: string;
}

export interface SupportEscalationResult {
  /** escalated: a case was stored and handed off; notAdmin: the admin was told who must call; stopped: the admin stopped. */
  outcome: 'escalated' | 'notAdmin' | 'stopped';
  caseReference?: string;
}
