import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import type { ChecklistRowView } from './closure-request-card.js';
import { fieldErrorBindings } from './field-errors.js';
import template from './templates/closure-approval.json' with { type: 'json' };

export const CLOSURE_DECISION_FIELDS = ['comment'] as const;
export type ClosureDecisionField = (typeof CLOSURE_DECISION_FIELDS)[number];

/**
 * A closure or step-down request as one person sees it. The same request gives each person their own view:
 * an approver sees Approve and Return while it waits; the requester sees the checklist and the status; anyone
 * else sees the case reference and the status only.
 */
export interface ClosureApprovalView {
  readonly approvalId: string;
  readonly caseReference: string;
  /** The version the card shows; a decision sent from an older one is refused as stale. */
  readonly version: number;
  /** "Closure requested:" / "Step-down requested:". */
  readonly title: string;
  /** "Waiting for a manager's decision", "Approved by Alex Manager on Tuesday 10 March 2026 at 14:05". */
  readonly status: string;
  readonly statusStyle: 'default' | 'good' | 'attention' | 'warning';
  /** Who asked, when, under which authority. */
  readonly summary: string;
  readonly items: readonly ChecklistRowView[];
  /** Who may decide under the authority's procedure, with the rule behind it. */
  readonly whoDecides: string;
  /** The manager's reason for returning it, shown to the requester and approvers only. */
  readonly returnComment: string;
  readonly showDetails: boolean;
  /** Approve / Return and the comment box: for an approver while the request waits. */
  readonly showDecision: boolean;
  /** A Refresh button, for clients that do not refresh cards themselves (some phones, channels). */
  readonly showRefreshButton: boolean;
  /** The comment as typed, kept when a Return without one is refused. */
  readonly comment: string;
  readonly errors: Partial<Record<ClosureDecisionField, string>>;
  /** Whose Teams refreshes the card with their own view when they see it (at most 60). */
  readonly refreshUserIds: readonly string[];
}

/**
 * The approval card (verbs `closure.approve`, `closure.return`, `closure.refresh`), with a Universal Actions
 * `refresh` so each person in `refreshUserIds` sees their own view.
 *
 * @example
 * closureApprovalCard({ approvalId: '5f0c…', caseReference: 'AB12', version: 2, title: 'Closure requested:', status: 'Waiting for a decision',
 *   statusStyle: 'warning', summary: '…', items: [ … ], whoDecides: '…', returnComment: '', showDetails: true, showDecision: true,
 *   showRefreshButton: false, comment: '', errors: {}, refreshUserIds: ['manager-object-id', 'sam-object-id'] })
 * //=> { type: 'AdaptiveCard', version: '1.5', refresh: { action: { verb: 'closure.refresh', … }, userIds: [ … ] }, body: [ … ] }
 */
export function closureApprovalCard(view: ClosureApprovalView): AdaptiveCardJson {
  const { errors, ...rest } = view;
  return bindCard(template, {
    ...rest,
    ...fieldErrorBindings(CLOSURE_DECISION_FIELDS, errors),
    hasReturnComment: view.returnComment !== '',
  });
}
