import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/timeline.json' with { type: 'json' };

/** A case's deadlines and what has been recorded, as the `case <ref>` command shows it. */
export interface TimelineView {
  readonly reference: string;
  readonly initials: string;
  /** e.g. 'Camden · team North · open since Monday 2 March 2026'. */
  readonly summary: string;
  readonly obligations: readonly {
    /** 'Overdue', 'Due today', 'Upcoming' or 'Done'. */
    readonly status: string;
    readonly overdue: boolean;
    readonly dueOn: string;
    readonly requires: string;
    /** The rule id and the section it comes from. */
    readonly source: string;
  }[];
  readonly events: readonly { readonly id: string; readonly on: string; readonly what: string }[];
  /** A signed link to the case's deadlines as an .ics file. */
  readonly calendarUrl: string;
}

/**
 * The timeline card: every obligation with its due date and status (overdue in the attention colour), the rule
 * and its source, the events recorded with their numbers (for corrections), a button to record another and
 * the calendar link.
 *
 * @example
 * timelineCard({ reference: 'AB12', initials: 'A.B.', summary: 'Camden · team North', obligations: [ … ], events: [ … ],
 *   calendarUrl: 'https://cin.example/downloads/…' })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ … ] }
 */
export function timelineCard(view: TimelineView): AdaptiveCardJson {
  return bindCard(template, {
    ...view,
    obligations: view.obligations.map(({ overdue, ...obligation }) => ({ ...obligation, statusColor: overdue ? 'Attention' : 'Default' })),
    hasNoObligations: view.obligations.length === 0,
    hasNoEvents: view.events.length === 0,
  });
}
