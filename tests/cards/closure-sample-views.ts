import type { ClosureApprovalView } from '../../cards/closure-approval-card.js';
import type { ClosureRequestView } from '../../cards/closure-request-card.js';
import { approvalViewOf, missingWords, requestViewOf } from '../../bot/closures/closure-views.js';
import type { Approval } from '../../bot/store/approvals.js';
import type { CaseRecord } from '../../bot/store/cases.js';
import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import { closureChecklistOn } from '../../domain/closures/closure-checklist.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { policyFor } from '../../domain/policy/registry.js';
import type { Policy } from '../../domain/policy/schema.js';

// Closure cards bound from Slough's checklist, the longest of the five (nine items), through the bot's own view
// builders, so the samples are the cards the bot sends.
const found = policyFor('slough');
if (!found.ok) throw new Error('slough');
const slough: Policy = found.value;
const date = (text: string) => text as LocalDate;

const record: CaseRecord = {
  id: 'case-1',
  tenantId: 'tenant',
  reference: 'CIN-2026-0142',
  initials: 'A.B.',
  authorityId: 'slough',
  team: 'North',
  workerId: 'sam-object-id',
  pathways: [],
  status: 'open',
  openedOn: date('2025-10-01'),
};

const events = [
  { kind: 'plan-started' as const, on: date('2026-01-20') },
  { kind: 'review-held' as const, on: date('2026-03-02') },
];
const someTicks = ['slough.closure.records-complete', 'slough.closure.rationale-recorded'];
const refusedChecklist = closureChecklistOn({ authorityId: 'slough', pathways: [], events, reviews: [] }, 'closure', new Set(someTicks), date('2026-03-10'), slough, englandAndWalesCalendar());

export const refusedSloughClosureRequest: ClosureRequestView = requestViewOf(
  record,
  slough,
  refusedChecklist,
  someTicks,
  { confirmed: `Still to do:\n${missingWords(slough, refusedChecklist.missing)}` },
  `Not sent: ${refusedChecklist.missing.length} not met yet. Your ticks are saved.`,
);

const everyTick = [
  ...refusedChecklist.items.filter((item) => item.confirmable).map((item) => item.ruleId),
  'slough.closure.plan-in-place-three-months#alternative',
];
const sentChecklist = closureChecklistOn({ authorityId: 'slough', pathways: [], events, reviews: [] }, 'closure', new Set(everyTick), date('2026-03-10'), slough, englandAndWalesCalendar());

export const sloughClosureRequested: Approval = {
  id: '5f0c2a9e-4b1d-4c6e-9a8f-3e2d1c0b9a87',
  tenantId: 'tenant',
  caseId: 'case-1',
  kind: 'closure',
  status: 'requested',
  version: 2,
  confirmed: everyTick,
  sentChecklist: sentChecklist.items.map((item) => ({ ruleId: item.ruleId, check: item.check.kind, met: item.met, ...(item.check.kind === 'recorded' ? { on: item.check.on } : {}) })),
  requestedBy: 'sam-object-id',
  requestedAt: new Date('2026-03-10T09:00:00Z'),
};

export const sloughClosureReturned: Approval = {
  ...sloughClosureRequested,
  status: 'returned',
  version: 3,
  decidedBy: 'manager-object-id',
  decidedAt: new Date('2026-03-10T14:05:00Z'),
  comment: 'The closure summary does not yet set out the contingency plan. Please add it and send again.',
};

const names = new Map([
  ['sam-object-id', 'Sam Jones'],
  ['manager-object-id', 'Alex Manager'],
]);
const refreshUserIds = ['sam-object-id', 'manager-object-id', 'second-manager-object-id'];

export const approverViewOfRequest: ClosureApprovalView = approvalViewOf(sloughClosureRequested, record, slough, { viewer: 'approver', names, refreshUserIds });
export const returnRefusedWithoutComment: ClosureApprovalView = approvalViewOf(sloughClosureRequested, record, slough, {
  viewer: 'approver',
  names,
  refreshUserIds,
  errors: { comment: 'Say why you are returning it, so the worker knows what to put right.' },
});
export const requesterViewOfReturned: ClosureApprovalView = approvalViewOf(sloughClosureReturned, record, slough, { viewer: 'requester', names, refreshUserIds });
export const otherViewOfRequest: ClosureApprovalView = approvalViewOf(sloughClosureRequested, record, slough, { viewer: 'other', names, refreshUserIds });
