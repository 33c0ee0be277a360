import type { ClosureApprovalView, ClosureDecisionField } from '../../cards/closure-approval-card.js';
import type { ChecklistRowView, ClosureRequestField, ClosureRequestView } from '../../cards/closure-request-card.js';
import { closureApproversFor } from '../../domain/closures/closure-approvers.js';
import type { ChecklistCheck, ClosureChecklist, ClosureKind } from '../../domain/closures/closure-checklist.js';
import type { EventKind } from '../../domain/cases/event-kinds.js';
import { formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import type { ReviewDecision } from '../../domain/plans/review.js';
import type { Policy, Rule } from '../../domain/policy/schema.js';
import { EVENT_LABELS } from '../cases/event-labels.js';
import { londonDateTimeOf } from '../reminders/london-time.js';
import type { Approval, ChecklistSnapshotItem } from '../store/approvals.js';
import type { CaseRecord } from '../store/cases.js';

/** Teams refreshes a card for at most 60 people. */
const MOST_REFRESH_USERS = 60;

export const KIND_WORDS: Readonly<Record<ClosureKind, { readonly request: string; readonly requested: string; readonly noun: string }>> = {
  closure: { request: 'Closure request for', requested: 'Closure requested:', noun: 'closure' },
  'step-down': { request: 'Step-down request for', requested: 'Step-down requested:', noun: 'step-down' },
};

/** Who is looking at an approval card: it decides which view they get. */
export type Viewer = 'approver' | 'requester' | 'other';

/** The request card for the worker, from the checklist as it stands and their ticks. */
export function requestViewOf(
  record: CaseRecord,
  policy: Policy,
  checklist: ClosureChecklist,
  confirmed: readonly string[],
  errors: Partial<Record<ClosureRequestField, string>> = {},
  formError = '',
): ClosureRequestView {
  const approvers = closureApproversFor(policy, checklist.kind);
  const checked = checklist.items.filter((item) => !item.confirmable);
  return {
    caseReference: record.reference,
    kind: checklist.kind,
    title: KIND_WORDS[checklist.kind].request,
    summary: `${policy.authority.name}. Sent to the ${approverWords(approvers.roles)} of team ${record.team} to decide once every item is met.`,
    checked: checked.map((item) => rowOf(ruleOf(policy, item.ruleId), checkSummaryOf(item.check), item.met)),
    toConfirm: checklist.items.flatMap((item) => {
      if (item.confirmable) return [{ title: item.requires, value: item.ruleId }];
      return item.alternative ? [{ title: `Instead: ${item.alternative.requires}`, value: item.alternative.key }] : [];
    }),
    confirmed: confirmed.join(','),
    errors,
    formError,
  };
}

/** The words that say what is still missing, for the worker. */
export function missingWords(policy: Policy, missing: readonly string[]): string {
  return missing.map((ruleId) => `• ${ruleOf(policy, ruleId).requires}`).join('\n');
}

interface ApprovalViewOptions {
  readonly viewer: Viewer;
  readonly names: ReadonlyMap<string, string>;
  readonly refreshUserIds: readonly string[];
  readonly comment?: string;
  readonly errors?: Partial<Record<ClosureDecisionField, string>>;
  /** Shown as the status instead of the request's own (a refusal: "already approved by …"). */
  readonly notice?: string;
}

/** One person's view of a request: approvers decide while it waits, the requester follows it, others see its status. */
export function approvalViewOf(approval: Approval, record: CaseRecord, policy: Policy, options: ApprovalViewOptions): ClosureApprovalView {
  const { viewer, names } = options;
  const approvers = closureApproversFor(policy, approval.kind);
  const nameOf = (userId: string) => names.get(userId) ?? userId;
  const requested = londonDateTimeOf(approval.requestedAt);
  const deciding = viewer === 'approver' && approval.status === 'requested';
  const seesDetails = viewer !== 'other';
  return {
    approvalId: approval.id,
    caseReference: record.reference,
    version: approval.version,
    title: KIND_WORDS[approval.kind].requested,
    status: options.notice ?? statusOf(approval, nameOf),
    statusStyle: options.notice ? 'attention' : approval.status === 'approved' ? 'good' : approval.status === 'returned' ? 'attention' : 'warning',
    summary: `Asked by ${nameOf(approval.requestedBy)} on ${formatLongDate(requested.date)} at ${requested.time}, under ${policy.authority.name}'s procedure.`,
    items: (approval.sentChecklist ?? []).map((item) => rowOf(ruleOf(policy, item.ruleId), snapshotSummaryOf(item), item.met)),
    whoDecides: whoDecidesWords(approvers, record.team),
    returnComment: seesDetails && approval.status === 'returned' ? (approval.comment ?? '') : '',
    showDetails: seesDetails,
    showDecision: deciding,
    showRefreshButton: !deciding && approval.status === 'requested',
    comment: options.comment ?? '',
    errors: options.errors ?? {},
    refreshUserIds: options.refreshUserIds.slice(0, MOST_REFRESH_USERS),
  };
}

/** The status in a sentence, for the card and for the plain text beside it. */
export function statusOf(approval: Approval, nameOf: (userId: string) => string): string {
  switch (approval.status) {
    case 'draft':
      return 'Saved, not sent yet';
    case 'requested':
      return "Waiting for a manager's decision";
    case 'approved':
    case 'returned':
      return `${approval.status === 'approved' ? 'Approved' : 'Returned'} by ${nameOf(approval.decidedBy ?? '')}${decidedAtWords(approval)}`;
  }
}

function decidedAtWords(approval: Approval): string {
  if (!approval.decidedAt) return '';
  const decided = londonDateTimeOf(approval.decidedAt);
  return ` on ${formatLongDate(decided.date)} at ${decided.time}`;
}

function whoDecidesWords(approvers: ReturnType<typeof closureApproversFor>, team: string): string {
  const who = `A ${approverWords(approvers.roles)} of team ${team} decides`;
  return approvers.ruleId ? `${who} (${approvers.citation?.section ?? ''}).` : `${who}: the procedure names no one else.`;
}

function approverWords(roles: readonly string[]): string {
  return roles.map((role) => (role === 'senior-practitioner' ? 'senior practitioner' : role)).join(' or ');
}

interface CheckSummary {
  readonly kind: ChecklistCheck['kind'];
  readonly on?: LocalDate;
  readonly reachedOn?: LocalDate;
  readonly event?: EventKind;
  readonly decision?: ReviewDecision;
}

/** What a review decided, after "decided": "The review of 9 March 2027 decided to continue with the plan". */
const DECIDED_WORDS: Readonly<Record<ReviewDecision, string>> = {
  continue: 'to continue with the plan',
  amend: 'to change the plan',
  'step-down': 'to step down',
  close: 'to close',
  escalate: 'to escalate',
};

function checkSummaryOf(check: ChecklistCheck): CheckSummary {
  switch (check.kind) {
    case 'recorded':
      return { kind: check.kind, on: check.on, event: check.event };
    case 'not-recorded':
      return { kind: check.kind, event: check.event };
    case 'review-decided':
      return { kind: check.kind, on: check.on, decision: check.decision };
    case 'not-decided':
      return { kind: check.kind, ...(check.latest ? { on: check.latest.heldOn, decision: check.latest.decision } : {}) };
    case 'in-place':
      return { kind: check.kind, on: check.since, reachedOn: check.reachedOn };
    case 'not-in-place':
      return { kind: check.kind, event: check.event, ...(check.since ? { on: check.since } : {}), ...(check.reachedOn ? { reachedOn: check.reachedOn } : {}) };
    default:
      return { kind: check.kind };
  }
}

function snapshotSummaryOf(item: ChecklistSnapshotItem): CheckSummary {
  return { kind: item.check, ...(item.on ? { on: item.on } : {}) };
}

function rowOf(rule: Rule, check: CheckSummary, met: boolean): ChecklistRowView {
  return {
    mark: check.kind === 'on-approval' ? '\u2026' : met ? '\u2713' : '\u2717',
    color: check.kind === 'on-approval' ? 'Default' : met ? 'Good' : 'Attention',
    requires: rule.requires,
    finding: findingOf(rule, check),
    source: `Source: ${rule.citation.section}`,
  };
}

function findingOf(rule: Rule, check: CheckSummary): string {
  const label = check.event ? EVENT_LABELS[check.event] : 'Recorded';
  switch (check.kind) {
    case 'recorded':
      return `${label}: ${check.on ? formatLongDate(check.on) : 'recorded'}`;
    case 'not-recorded':
      return `Not on the case's record: record "${label}" first`;
    case 'review-decided':
      return `Decided at the review of ${check.on ? formatLongDate(check.on) : 'the plan'}${check.decision ? `: ${DECIDED_WORDS[check.decision]}` : ''}`;
    case 'not-decided':
      return check.on
        ? `The review of ${formatLongDate(check.on)} decided ${check.decision ? DECIDED_WORDS[check.decision] : 'otherwise'}: only a review that decides this meets it (record it with "review <ref>")`
        : 'No review has decided this yet: record the review and its decision with "review <ref>"';
    case 'in-place':
      return `In place since ${check.on ? formatLongDate(check.on) : 'the plan started'}`;
    case 'not-in-place':
      return check.on && check.reachedOn
        ? `In place since ${formatLongDate(check.on)}: long enough only on ${formatLongDate(check.reachedOn)}`
        : `Not on the case's record: record "${label}" first`;
    case 'confirmed':
      return 'Confirmed by the worker';
    case 'alternative-confirmed':
      return rule.kind === 'condition' && rule.alternative ? `Instead, confirmed by the worker: ${rule.alternative.requires}` : 'Confirmed by the worker';
    case 'to-confirm':
      return 'Not confirmed yet';
    case 'on-approval':
      return 'Met by the decision on this request';
  }
}

function ruleOf(policy: Policy, ruleId: string): Rule {
  const rule = policy.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`Checklist names a rule its policy does not hold: ${ruleId}`);
  return rule;
}
