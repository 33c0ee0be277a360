import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/reminder-digest.json' with { type: 'json' };

/**
 * Where a reminded item stands on the digest's day. The card words it ("Due in 5 working days", "Due today",
 * "Overdue since …") so that the card and its text form always say the same.
 */
export type ReminderStatus =
  | { readonly kind: 'upcoming'; readonly workingDaysLeft: number }
  | { readonly kind: 'due-today' }
  | { readonly kind: 'overdue' };

/**
 * One reminder in a digest. It carries the case reference and nothing else about the case: a notification can
 * be read on a lock screen, so no initials and no names.
 */
export interface ReminderItemView {
  /**
   * The outbox row this reminder was sent from. It keys the item's element ids, and it is all the reminder
   * buttons send: the row already names the case and the rule, and the handler must read it anyway to check
   * that whoever pressed is the recipient. Carrying the case and rule too cost 1.3 KB over ten items, which
   * took a digest of ten of the longest rule over Teams' 28 KB.
   */
  readonly outboxId: string;
  readonly caseReference: string;
  /** What is due, in the rule's plain words. */
  readonly requires: string;
  /** The due date in long form, e.g. 'Friday 13 March 2026'. */
  readonly dueOn: string;
  readonly status: ReminderStatus;
  readonly section: string;
  /** The procedure's words behind the rule, verbatim. */
  readonly quote: string;
  /**
   * The working days the reminder may be snoozed to, as 'YYYY-MM-DD' (from the next working day to the last
   * working day before the due date); null when none is left, and then the card offers no snooze.
   */
  readonly snooze: { readonly earliest: string; readonly latest: string } | null;
  /** When the recipient acknowledged it, e.g. '09:14 on Tuesday 10 March 2026'; '' when not yet. */
  readonly acknowledgedAt: string;
  /** The case has moved to another worker since this was sent: the item stays, its buttons go. */
  readonly moved: boolean;
}

/** Everything due for one person on one day; a single reminder is a digest of one. */
export interface ReminderDigestView {
  /** The day the digest is for, in long form, e.g. 'Tuesday 10 March 2026'. */
  readonly day: string;
  readonly items: readonly ReminderItemView[];
}

/**
 * The id of the date input that holds an item's chosen snooze day: the `reminder.snooze` handler reads the
 * submitted data under this name (Teams sends every input on the card with any button).
 *
 * @example
 * snoozeInputId('4711') //=> 'snooze-4711'
 */
export function snoozeInputId(outboxId: string): string {
  return `snooze-${outboxId}`;
}

/**
 * The status in words, as the card and its text form show it.
 *
 * @example
 * reminderStatusWords({ kind: 'upcoming', workingDaysLeft: 5 }, 'Friday 13 March 2026') //=> 'Due in 5 working days'
 * reminderStatusWords({ kind: 'overdue' }, 'Friday 13 March 2026') //=> 'Overdue since Friday 13 March 2026'
 */
export function reminderStatusWords(status: ReminderStatus, dueOn: string): string {
  switch (status.kind) {
    case 'upcoming':
      return `Due in ${status.workingDaysLeft} working ${status.workingDaysLeft === 1 ? 'day' : 'days'}`;
    case 'due-today':
      return 'Due today';
    case 'overdue':
      return `Overdue since ${dueOn}`;
  }
}

/**
 * The reminder digest card: for each item the case reference, what is due and by when (overdue in the
 * attention colour), the rule and section with the quote behind "Show source", and the buttons "Record it
 * done", "Acknowledge", "Snooze" (with its own date input) and "Open case". An acknowledged item says so and
 * loses "Acknowledge"; an item whose case has moved says so and loses every button.
 *
 * @example
 * reminderDigestCard({ day: 'Tuesday 10 March 2026', items: [{ outboxId: '4711', caseReference: 'CIN-2026-0142',
 *   requires: 'Hold the CiN review', dueOn: 'Friday 13 March 2026', status: { kind: 'upcoming', workingDaysLeft: 3 },
 *   section: '6. Reviews', quote: 'The CiN plan should be reviewed…',
 *   snooze: { earliest: '2026-03-11', latest: '2026-03-12' }, acknowledgedAt: '', moved: false }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function reminderDigestCard(view: ReminderDigestView): AdaptiveCardJson {
  return bindCard(template, {
    title: `Reminders for ${view.day}`,
    summary: countWords(view.items.length),
    items: view.items.map((item) => ({
      outboxId: item.outboxId,
      caseReference: item.caseReference,
      requires: item.requires,
      dueOn: item.dueOn,
      status: reminderStatusWords(item.status, item.dueOn),
      statusColor: item.status.kind === 'overdue' ? 'Attention' : 'Default',
      section: item.section,
      quote: item.quote,
      quoteId: `quote-${item.outboxId}`,
      acknowledgedAt: item.acknowledgedAt,
      isAcknowledged: item.acknowledgedAt !== '',
      hasMoved: item.moved,
      showActions: !item.moved,
      canAcknowledge: !item.moved && item.acknowledgedAt === '',
      canSnooze: !item.moved && item.snooze !== null,
      snoozeInputId: snoozeInputId(item.outboxId),
      // The template binds these even where $when drops the input, so an unsnoozable item still needs them.
      snoozeEarliest: item.snooze?.earliest ?? '',
      snoozeLatest: item.snooze?.latest ?? '',
    })),
  });
}

/**
 * The digest as plain text, for the activity's `text`: what a notification banner and a screen reader give.
 *
 * @example
 * reminderDigestText({ day: 'Tuesday 10 March 2026', items: [{ caseReference: 'CIN-2026-0142', requires: 'Hold the CiN review',
 *   dueOn: 'Friday 13 March 2026', status: { kind: 'upcoming', workingDaysLeft: 3 }, … }] })
 * //=> 'Reminders for Tuesday 10 March 2026 (1 reminder):\n- CIN-2026-0142: Hold the CiN review, due by Friday 13 March 2026 (Due in 3 working days).'
 */
export function reminderDigestText(view: ReminderDigestView): string {
  const lines = view.items.map((item) => {
    const notes = [
      reminderStatusWords(item.status, item.dueOn),
      ...(item.acknowledgedAt === '' ? [] : [`acknowledged at ${item.acknowledgedAt}`]),
      ...(item.moved ? ['the case has moved to another worker'] : []),
    ];
    return `- ${item.caseReference}: ${item.requires}, due by ${item.dueOn} (${notes.join('; ')}).`;
  });
  return [`Reminders for ${view.day} (${countWords(view.items.length)}):`, ...lines].join('\n');
}

function countWords(count: number): string {
  return `${count} ${count === 1 ? 'reminder' : 'reminders'}`;
}
