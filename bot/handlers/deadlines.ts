import { compareLocalDates, formatLongDate, londonDateOf } from '../../domain/dates/local-date.js';
import { deadlineListCard, type DeadlineListView } from '../../cards/deadline-list-card.js';
import { teamsManagedBy } from '../cases/access.js';
import { casesAwaitingDecision, pendingRequestsFor } from '../closures/pending-requests.js';
import type { Reply } from '../ports.js';
import type { Deadline } from '../store/cases.js';
import type { BotContext, CardRequest } from './context.js';

/** `my deadlines`: what the asker's own cases owe, soonest (and so overdue) first. */
export async function myDeadlines(request: CardRequest, context: BotContext): Promise<Reply> {
  const deadlines = await context.cases.deadlines(request.asker.tenantId, { workerId: request.asker.userId });
  return listReply('My deadlines', 'Nothing is due on your cases.', deadlines, request, context);
}

/** `team deadlines`: for managers and senior practitioners, their teams' deadlines and the requests they may decide. */
export async function teamDeadlines(request: CardRequest, context: BotContext): Promise<Reply> {
  const roles = await context.roles.rolesOf(request.asker.tenantId, request.asker.userId);
  const teams = teamsManagedBy(roles);
  const deadlines = await context.cases.deadlines(request.asker.tenantId, { teams });
  const list = listReply(`Deadlines of ${teams.length === 1 ? `team ${teams[0]}` : `teams ${teams.join(', ')}`}`, 'Nothing is due in your teams.', deadlines, request, context);
  // Requests waiting for this manager come after the list, each on its own card with Approve and Return.
  const awaiting = await casesAwaitingDecision(context, request.asker.tenantId, teams);
  const pending = await pendingRequestsFor(awaiting, request.asker.userId, context);
  if (pending.length === 0) return list;
  const lead = { text: `${pending.length} ${pending.length === 1 ? 'request waits' : 'requests wait'} for your decision:` };
  return { ...list, messages: [...list.messages, lead, ...pending] };
}

/** `my cases`: the asker's open cases, each with what it owes next. */
export async function myCases(request: CardRequest, context: BotContext): Promise<Reply> {
  const [cases, deadlines] = await Promise.all([
    context.cases.casesOf(request.asker.tenantId, { workerId: request.asker.userId }),
    context.cases.deadlines(request.asker.tenantId, { workerId: request.asker.userId }),
  ]);
  const today = londonDateOf(request.receivedAt);
  const rows = cases
    .map((record) => ({ record, next: deadlines.find((deadline) => deadline.caseReference === record.reference) }))
    .sort((left, right) => (left.next && right.next ? compareLocalDates(left.next.dueOn, right.next.dueOn) : left.next ? -1 : right.next ? 1 : 0))
    .map(({ record, next }) => ({
      caseReference: `${record.reference} ${record.initials}`,
      dueOn: next ? formatLongDate(next.dueOn) : 'nothing due',
      what: next ? ruleWords(next.ruleId, context) : 'Record what has happened and its deadlines follow.',
      overdue: next !== undefined && compareLocalDates(next.dueOn, today) < 0,
    }));
  return cardReply({ title: 'My cases', emptyMessage: 'You have no open cases. Open one with "new case <reference>".', rows, moreCount: 0 });
}

function listReply(title: string, emptyMessage: string, deadlines: readonly Deadline[], request: CardRequest, context: BotContext): Reply {
  const today = londonDateOf(request.receivedAt);
  const rows = deadlines.map((deadline) => ({
    caseReference: deadline.caseReference,
    dueOn: formatLongDate(deadline.dueOn),
    what: ruleWords(deadline.ruleId, context),
    overdue: compareLocalDates(deadline.dueOn, today) < 0,
  }));
  return cardReply({ title, emptyMessage, rows, moreCount: 0 });
}

function cardReply(view: DeadlineListView): Reply {
  // One line naming the soonest item; the list is on the card only (issue 14, item 6).
  const [first] = view.rows;
  const text = first
    ? `${view.title}: ${view.rows.length} ${view.rows.length === 1 ? 'item' : 'items'}; the soonest is ${first.caseReference}, ${first.overdue ? 'overdue, ' : ''}due ${first.dueOn}: ${first.what}.`
    : `${view.title}: ${view.emptyMessage}`;
  return { messages: [{ text, card: deadlineListCard(view) }] };
}

function ruleWords(ruleId: string, context: BotContext): string {
  for (const policy of context.policies) {
    const rule = policy.rules.find((candidate) => candidate.id === ruleId);
    if (rule) return rule.requires;
  }
  return ruleId;
}
