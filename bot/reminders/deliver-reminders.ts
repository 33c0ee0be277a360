import { setTimeout as sleep } from 'node:timers/promises';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { compareLocalDates, formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import { escalationCard, escalationText, type EscalationView } from '../../cards/escalation-card.js';
import { reminderDigestCard, reminderDigestText, type ReminderDigestView } from '../../cards/reminder-digest-card.js';
import { teamWeekCard, teamWeekText, type TeamWeekView } from '../../cards/team-week-card.js';
import { TEAM_WEEK_KIND } from '../../domain/reminders/team-week.js';
import { workingDaysBetween } from '../../domain/calendar/working-days-between.js';
import type { Policy } from '../../domain/policy/schema.js';
import { DEFAULT_WORKING_HOURS, isWithinWorkingHours, type WorkingHours } from '../../domain/reminders/working-hours.js';
import type { Logger } from '../log.js';
import type { Messenger, OutgoingMessage } from '../ports.js';
import type { CaseStore } from '../store/cases.js';
import type { ConversationStore } from '../store/conversation-references.js';
import type { RoleStore } from '../store/roles.js';
import type { ClaimedReminder, ReminderOutboxStore } from '../store/reminder-outbox.js';
import type { TimelinessStore } from '../store/timeliness.js';
import type { TransferChecklistStore } from '../store/transfer-checklist.js';
import { enqueueTodaysReminders } from './enqueue-reminders.js';
import { enqueueTeamWeekCards } from './enqueue-team-week.js';
import { teamWeekViewFor } from './team-week-view.js';
import { londonDateTimeOf } from './london-time.js';
import { reminderItemView, ruleOf } from './reminder-view.js';
import { inParallel, sendPace } from './send-pace.js';
import { conversationGone, failedSend, sendStatusOf, type RetryPolicy } from '../teams/send-retry.js';

/** How long a claimed reminder is this instance's to send; after that another instance may take it over. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 200;
/** Sends in flight at once: enough to keep up with the pace while the Connector takes tens of milliseconds. */
const SENDS_AT_ONCE = 8;
/** Just below Teams' 50 requests a second per app per tenant; botbuilder's client absorbs a rare 429. */
export const DEFAULT_SENDS_PER_SECOND = 48;
/** 10 s, 20 s, 40 s … after each failed attempt, eight in all. */
const REMINDER_RETRIES: RetryPolicy = { firstWaitMs: 10_000, mostAttempts: 8 };
const ONE_CONVERSATION_GAP_MS = 1000;

export interface ReminderTickOptions {
  readonly outbox: ReminderOutboxStore;
  readonly transferChecklist: TransferChecklistStore;
  readonly cases: CaseStore;
  readonly conversations: ConversationStore;
  readonly roles: RoleStore;
  /** Timescales met and missed, for each manager's weekly card. */
  readonly timeliness: TimelinessStore;
  readonly policies: readonly Policy[];
  readonly calendar: HolidayCalendar;
  readonly messenger: Messenger;
  readonly log: Logger;
  /** The moment of this pass (the scheduler's clock, or `--now` for one pass by hand). */
  readonly now: Date;
  readonly hours?: WorkingHours;
  /** Where the weekly card's "Open the tab" goes (Config.tabUrl). */
  readonly tabUrl: string;
  /** Shared by every pass in this process, so sends keep to one pace (REMINDER_SENDS_PER_SECOND). */
  readonly pace?: () => Promise<void>;
}

export interface TickOutcome {
  readonly outsideWorkingHours: boolean;
  readonly enqueued: number;
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

type Claimed = ClaimedReminder;

/**
 * One pass of the reminder scheduler: outside working hours on a working day it does nothing; otherwise it
 * puts today's reminders into the outbox (idempotent), claims the due ones with FOR UPDATE SKIP LOCKED and a
 * lease (so any number of instances send each once, and a crash mid-send is taken over when the lease ends),
 * and sends each person one message with all of theirs.
 */
export async function runReminderTick(options: ReminderTickOptions): Promise<TickOutcome> {
  const { outbox, now, calendar, hours = DEFAULT_WORKING_HOURS } = options;
  const london = londonDateTimeOf(now);
  if (!isWithinWorkingHours(london, calendar, hours)) return { outsideWorkingHours: true, enqueued: 0, sent: 0, retrying: 0, failed: 0 };
  const enqueued =
    (await enqueueTodaysReminders({ outbox, transferChecklist: options.transferChecklist, cases: options.cases, policies: options.policies, calendar, today: london.date, at: now, hours })) +
    (await enqueueTeamWeekCards(outbox, london.date, calendar, now, hours));
  const pace = options.pace ?? sendPace(DEFAULT_SENDS_PER_SECOND);
  const startedAt = performance.now();
  // The clock moves on with the pass, so leases taken and renewed late in a long pass stay honest.
  const passClock = () => new Date(now.getTime() + (performance.now() - startedAt));
  // Everything due is claimed before anything is sent, so each person's reminders are in one group however many
  // are due: grouping batch by batch (200 rows by id) sent half the people two digests on a busy day.
  const claimed: Claimed[] = [];
  for (let batch = await claim(outbox, passClock(), now); batch.length > 0; batch = await claim(outbox, passClock(), now)) claimed.push(...batch);
  const addressed: Addressed[] = [];
  for (let start = 0; start < claimed.length; start += BATCH) addressed.push(...(await withRecipients(claimed.slice(start, start + BATCH), options)));
  const counts = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  await inParallel([...groupedByRecipient(addressed)], SENDS_AT_ONCE, async ([recipientKey, reminders]) => {
    const [tenantId, recipientId] = recipientKey.split('\u0000') as [string, string];
    await pace();
    const delivered = await deliver(tenantId, recipientId, reminders, passClock, options);
    counts.sent += delivered.sent;
    counts.retrying += delivered.retrying;
    counts.failed += delivered.failed;
  });
  options.log.info('reminder-tick', { enqueued, ...counts });
  return { outsideWorkingHours: false, enqueued, sent: counts.sent, retrying: counts.retrying, failed: counts.failed };
}

/**
 * Claims due reminders at `now`. A reminder that failed is tried again only once its wait has passed by the
 * pass's start, `passStartedAt`: else a pass that waited out Teams' Retry-After would claim it again and again
 * and spend all its attempts within the one throttling spell.
 */
async function claim(outbox: ReminderOutboxStore, now: Date, passStartedAt: Date): Promise<Claimed[]> {
  return outbox.claimDue(now, passStartedAt, new Date(now.getTime() + LEASE_MS), BATCH);
}

interface Addressed extends Claimed {
  readonly recipientId: string;
  readonly caseReference: string;
  /** The case's allocated worker, whom an escalation names. */
  readonly workerId: string;
  readonly team: string;
  readonly caseManagerId: string | null;
}

/** Who gets each reminder is decided now, not when it was planned, so a case that moved goes to its new worker. */
async function withRecipients(claimed: readonly Claimed[], options: ReminderTickOptions): Promise<Addressed[]> {
  // One query for the whole batch: each reminder's case and the obligation as it stands now.
  const standing = await options.outbox.standingOf(claimed);
  const addressed: Addressed[] = [];
  for (const reminder of claimed) {
    // A manager's weekly card names its recipient; whether they still manage a team is checked when it is sent.
    if (reminder.kind === TEAM_WEEK_KIND && reminder.recipient_id !== null) {
      addressed.push({ ...reminder, recipientId: reminder.recipient_id, caseReference: '', workerId: '', team: '', caseManagerId: null });
      continue;
    }
    const current = standing.get(reminder.id);
    const caseId = reminder.case_id;
    // Done since it was planned, or the case closed: nothing to remind anyone of.
    const stillOwed =
      reminder.kind === 'transfer-out'
        ? caseId !== null && !(await options.transferChecklist.isDone(caseId, reminder.rule_id))
        : current?.obligation?.doneOn === null && current.obligation.dueOn === reminder.due_on;
    if (!current || caseId === null || current.caseStatus !== 'open' || !stillOwed) {
      await options.outbox.finish(reminder, 'cancelled', options.now, 'no longer owed');
      continue;
    }
    if (reminder.kind === 'escalation' && (await options.outbox.acknowledged({ ...reminder, case_id: caseId }))) {
      await options.outbox.finish(reminder, 'cancelled', options.now, 'acknowledged by the worker');
      continue;
    }
    const recipientId = reminder.recipient_role === 'worker' ? current.workerId : ((await managerOf(reminder.tenant_id, current.team, current.managerId, options)) ?? current.workerId);
    addressed.push({ ...reminder, recipientId, caseReference: current.caseReference, workerId: current.workerId, team: current.team, caseManagerId: current.managerId });
  }
  return addressed;
}

/** The case's own manager, else the first of its team's. */
async function managerOf(tenantId: string, team: string, caseManager: string | null, options: ReminderTickOptions): Promise<string | undefined> {
  return caseManager ?? (await options.roles.firstManagerOf(tenantId, team));
}

function groupedByRecipient(reminders: readonly Addressed[]): Map<string, Addressed[]> {
  const groups = new Map<string, Addressed[]>();
  for (const reminder of reminders) {
    const key = `${reminder.tenant_id}\u0000${reminder.recipientId}`;
    groups.set(key, [...(groups.get(key) ?? []), reminder]);
  }
  return groups;
}

/** How many of one person's reminders went, wait to be tried again, or were given up; none when taken over. */
type Delivery = { readonly sent: number; readonly retrying: number; readonly failed: number };

async function deliver(tenantId: string, recipientId: string, claimed: readonly Addressed[], passClock: () => Date, options: ReminderTickOptions): Promise<Delivery> {
  const { outbox, messenger, conversations, now } = options;
  let reminders = claimed;
  try {
    const address = await conversations.personalChatOrNew(tenantId, recipientId, messenger, now);
    // This instance may have been slow (Teams throttling, a long pass) and another taken the rows over when the
    // lease ran out: only what is still ours is sent, or the person would get it twice; what is, is ours for a
    // whole lease from now.
    reminders = await outbox.renewedClaims(claimed, new Date(passClock().getTime() + LEASE_MS));
    const today = londonDateTimeOf(now).date;
    let teamWeek: TeamWeekView | undefined;
    if (reminders.some((reminder) => reminder.kind === TEAM_WEEK_KIND)) {
      teamWeek = await teamWeekViewFor(tenantId, recipientId, today, options);
      if (teamWeek === undefined) {
        for (const card of reminders.filter((reminder) => reminder.kind === TEAM_WEEK_KIND)) await outbox.finish(card, 'cancelled', now, 'no longer manages a team');
        reminders = reminders.filter((reminder) => reminder.kind !== TEAM_WEEK_KIND);
      }
    }
    if (reminders.length === 0) return { sent: 0, retrying: 0, failed: 0 };
    const workerNames = new Map<string, string>();
    for (const escalation of reminders.filter((reminder) => reminder.kind === 'escalation')) {
      const name = await conversations.nameOf(tenantId, escalation.workerId);
      if (name) workerNames.set(escalation.workerId, name);
    }
    for (const [index, { message, covers }] of messagesFor(reminders, today, workerNames, teamWeek, options).entries()) {
      // At most one message a second into one conversation, as Teams asks of bots.
      if (index > 0) await sleep(ONE_CONVERSATION_GAP_MS);
      const { activityId } = await messenger.send(address, message);
      await outbox.markSent(covers, recipientId, activityId, now);
    }
    return { sent: reminders.length, retrying: 0, failed: 0 };
  } catch (error) {
    const status = sendStatusOf(error);
    const gone = conversationGone(error);
    let retrying = 0;
    for (const reminder of reminders) {
      await outbox.recordFailedAttempt(reminder, gone ? 'gone' : 'error', now, status ?? null);
      const verdict = failedSend(error, reminder.attempts, REMINDER_RETRIES);
      if (verdict.kind === 'retry') {
        retrying += 1;
        await outbox.retryLater(reminder, new Date(now.getTime() + verdict.waitMs), `retry after ${status ?? 'error'}`);
      } else {
        await outbox.finish(reminder, 'failed', now, gone ? `gone (${status})` : `failed (${status ?? 'error'})`);
      }
    }
    if (gone) {
      const address = await conversations.personalChatOf(tenantId, recipientId);
      const conversation = address?.conversation as { id?: string } | undefined;
      const reason = `Teams answered ${status}`;
      const newlyGone = conversation?.id
        ? await conversations.markDead(tenantId, conversation.id, reason, now)
        : await conversations.markUnreachable(tenantId, recipientId, reason, now);
      if (newlyGone) await tellManagersAndAdmins(tenantId, recipientId, reminders, status ?? 0, options);
    }
    options.log.warn('reminder-delivery-failed', { status: status ?? 0, reminders: reminders.length, willRetry: retrying });
    return { sent: 0, retrying, failed: reminders.length - retrying };
  }
}

/**
 * A person's reminders cannot reach them (they blocked or removed the bot, or left): their managers and the
 * admins are told, once, with case references and the person's id only.
 */
async function tellManagersAndAdmins(tenantId: string, recipientId: string, claimed: readonly Addressed[], status: number, options: ReminderTickOptions): Promise<void> {
  // A weekly card is about the manager's own teams: nobody else needs telling that it did not reach them.
  const reminders = claimed.filter((reminder) => reminder.case_id !== null);
  if (reminders.length === 0) return;
  const managers = await Promise.all(reminders.map((reminder) => managerOf(tenantId, reminder.team, reminder.caseManagerId, options)));
  const people = new Set([...managers, ...(await options.roles.adminsOf(tenantId))].filter((id): id is string => id !== undefined && id !== recipientId));
  const references = [...new Set(reminders.map((reminder) => reminder.caseReference))].join(', ');
  const text =
    `Reminders for ${references} cannot reach ${recipientId} in Teams (Teams answered ${status}: they may have blocked or removed the bot, ` +
    'or left). I have stopped trying that chat. Please check with them, or reassign the cases.';
  for (const person of people) {
    const address = await options.conversations.personalChatOf(tenantId, person);
    if (!address) continue;
    try {
      await options.messenger.send(address, { text });
    } catch (error) {
      options.log.warn('reminder-notice-failed', { status: sendStatusOf(error) ?? 0 });
    }
  }
}

/**
 * What this person gets today: for a manager on the week's card day their weekly timeliness card first, one
 * digest card with their own reminders (overdue first), and for a manager one escalation card per overdue item
 * of someone else's, naming the worker. Case references only, never initials or names of children.
 */
function messagesFor(
  reminders: readonly Addressed[],
  today: LocalDate,
  workerNames: ReadonlyMap<string, string>,
  teamWeek: TeamWeekView | undefined,
  options: ReminderTickOptions,
): { message: OutgoingMessage; covers: readonly Addressed[] }[] {
  const weekly = reminders.filter((reminder) => reminder.kind === TEAM_WEEK_KIND);
  const own = reminders.filter((reminder) => reminder.kind !== 'escalation' && reminder.kind !== TEAM_WEEK_KIND);
  const escalations = reminders.filter((reminder) => reminder.kind === 'escalation');
  const messages: { message: OutgoingMessage; covers: readonly Addressed[] }[] = [];
  if (teamWeek !== undefined && weekly.length > 0) messages.push({ message: { text: teamWeekText(teamWeek), card: teamWeekCard(teamWeek) }, covers: weekly });
  if (own.length > 0) {
    const sorted = [...own].sort(
      (left, right) =>
        Number(right.kind === 'overdue') - Number(left.kind === 'overdue') ||
        compareLocalDates(left.due_on, right.due_on) ||
        left.caseReference.localeCompare(right.caseReference),
    );
    const view: ReminderDigestView = {
      day: formatLongDate(today),
      items: sorted.map((reminder) =>
        reminderItemView({ id: reminder.id, caseReference: reminder.caseReference, ruleId: reminder.rule_id, dueOn: reminder.due_on, kind: reminder.kind }, today, options.policies, options.calendar),
      ),
    };
    messages.push({ message: { text: reminderDigestText(view), card: reminderDigestCard(view) }, covers: sorted });
  }
  for (const escalation of escalations) {
    const rule = ruleOf(escalation.rule_id, options.policies);
    const view: EscalationView = {
      caseReference: escalation.caseReference,
      // Their name as Teams gave it when they last wrote to the bot, else their Entra object id.
      worker: workerNames.get(escalation.workerId) ?? escalation.workerId,
      requires: rule?.requires ?? escalation.rule_id,
      dueOn: formatLongDate(escalation.due_on),
      workingDaysOverdue: workingDaysBetween(escalation.due_on, today, options.calendar),
      section: rule?.citation.section ?? '',
    };
    messages.push({ message: { text: escalationText(view), card: escalationCard(view) }, covers: [escalation] });
  }
  return messages;
}
