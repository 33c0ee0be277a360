import type { Offset } from '../timescales/offset.js';
import { describeTiming } from './describe-timing.js';
import type { Citation, Policy, Rule } from './schema.js';

/** One line of the rule catalogue that policy officers audit the bot against. */
export interface CatalogueEntry {
  readonly id: string;
  readonly authority: string;
  readonly authorityName: string;
  readonly kind: Rule['kind'];
  readonly topic: Rule['topic'];
  readonly requires: string;
  readonly timing?: string;
  readonly anchor?: readonly string[];
  readonly offset?: Offset;
  readonly recurring?: boolean;
  readonly pathway?: string;
  readonly interpretation?: string;
  readonly conflictsWith?: string;
  /** What the date is when it is not a deadline: the earliest date, or the trigger of the next occurrence of `nextOf`. */
  readonly dateIs?: 'earliest' | 'trigger';
  readonly nextOf?: string;
  /** A fact for answers only: no obligation on a case. */
  readonly onCase?: false;
  /** A rule with no figure that must come before an event: the event, and how early reminders start. */
  readonly outerLimit?: { readonly anchor: readonly string[]; readonly remindWorkingDaysBefore: readonly number[] };
  readonly citation: Citation;
}

/**
 * Every rule of the policies given, flattened for printing or JSON, in policy order.
 *
 * @example
 * ruleCatalogue(POLICIES)[0] //=> { id: 'redbridge.initial-meeting.convene', timing: '15 working days after …', … }
 */
export function ruleCatalogue(policies: readonly Policy[]): CatalogueEntry[] {
  return policies.flatMap((policy) =>
    policy.rules.map((rule) => {
      const timing = describeTiming(rule);
      return {
        id: rule.id,
        authority: policy.authority.id,
        authorityName: policy.authority.name,
        kind: rule.kind,
        topic: rule.topic,
        requires: rule.requires,
        ...(timing ? { timing } : {}),
        ...(rule.kind === 'timescale'
          ? {
              anchor: rule.anchors,
              offset: rule.offset,
              recurring: rule.recurring,
              ...(rule.conflictsWith ? { conflictsWith: rule.conflictsWith.rule } : {}),
              ...(rule.dateIs === 'earliest' || rule.dateIs === 'trigger' ? { dateIs: rule.dateIs } : {}),
              ...(rule.nextOf ? { nextOf: rule.nextOf } : {}),
              ...(rule.onCase === false ? { onCase: false as const } : {}),
            }
          : {}),
        ...(rule.kind === 'no-figure-set' && rule.outerLimit
          ? { outerLimit: { anchor: rule.outerLimit.anchors, remindWorkingDaysBefore: rule.outerLimit.remindWorkingDaysBefore } }
          : {}),
        ...(rule.pathway ? { pathway: rule.pathway } : {}),
        ...(rule.interpretation ? { interpretation: rule.interpretation } : {}),
        citation: rule.citation,
      };
    }),
  );
}
