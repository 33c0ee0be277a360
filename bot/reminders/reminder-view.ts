import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { workingDaysBetween } from '../../domain/calendar/working-days-between.js';
import { compareLocalDates, formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import type { Policy, Rule } from '../../domain/policy/schema.js';
import { snoozeWindow, type SnoozeWindow } from '../../domain/reminders/snooze.js';
import type { ReminderItemView, ReminderStatus } from '../../cards/reminder-digest-card.js';

/** An outbox row as the reminder cards show it. */
export interface OutboxReminder {
  readonly id: string;
  readonly caseReference: string;
  readonly ruleId: string;
  readonly dueOn: LocalDate;
  readonly kind: string;
  readonly acknowledgedAt?: Date;
  readonly moved?: boolean;
}

/** One item of a reminder card on `today`: what is due, its status, its source, and how far it may be snoozed. */
export function reminderItemView(reminder: OutboxReminder, today: LocalDate, policies: readonly Policy[], calendar: HolidayCalendar): ReminderItemView {
  const rule = ruleOf(reminder.ruleId, policies);
  return {
    outboxId: reminder.id,
    caseReference: reminder.caseReference,
    requires: rule?.requires ?? reminder.ruleId,
    dueOn: formatLongDate(reminder.dueOn),
    status: statusOn(reminder.dueOn, today, calendar),
    section: rule?.citation.section ?? '',
    quote: rule?.citation.quote ?? '',
    snooze: snoozeWindowOf(reminder.dueOn, today, calendar),
    acknowledgedAt: reminder.acknowledgedAt ? reminder.acknowledgedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '',
    moved: reminder.moved ?? false,
  };
}

export function ruleOf(ruleId: string, policies: readonly Policy[]): Rule | undefined {
  for (const policy of policies) {
    const rule = policy.rules.find((candidate) => candidate.id === ruleId);
    if (rule) return rule;
  }
  return undefined;
}

function statusOn(dueOn: LocalDate, today: LocalDate, calendar: HolidayCalendar): ReminderStatus {
  const order = compareLocalDates(today, dueOn);
  if (order > 0) return { kind: 'overdue' };
  if (order === 0) return { kind: 'due-today' };
  return { kind: 'upcoming', workingDaysLeft: workingDaysBetween(today, dueOn, calendar) };
}

/** The card offers no snooze when no day is left. */
function snoozeWindowOf(dueOn: LocalDate, today: LocalDate, calendar: HolidayCalendar): SnoozeWindow | null {
  const window = snoozeWindow(dueOn, today, calendar);
  return window.ok ? window.value : null;
}
