import type { CaseEvent } from '../cases/case-events.js';
import { compareLocalDates, type LocalDate } from '../dates/local-date.js';
import type { CaseCensusDates } from './timeliness.js';

/** The dates of a case the census indicators count, kept on the case row whenever its events change. */
export type CensusEventDates = Pick<CaseCensusDates, 'referralOn' | 'assessmentCompletedOn' | 'planStartedOn' | 'planClosedOn'>;

/** The event kinds the census indicators read, and the date each gives. */
export const CENSUS_EVENT_FIELDS = {
  'referral-received': 'referralOn',
  'assessment-completed': 'assessmentCompletedOn',
  'plan-started': 'planStartedOn',
  'plan-closed': 'planClosedOn',
} as const satisfies Partial<Record<CaseEvent['kind'], keyof CensusEventDates>>;

/**
 * A case's census dates from its recorded events (withdrawn ones left out by the caller): the latest of each
 * kind, as `export census` writes them. An earlier referral or plan belongs to an episode since superseded.
 *
 * @example
 * censusDatesOf([{ kind: 'referral-received', on: '2026-03-05' }, { kind: 'plan-started', on: '2026-01-15' }, { kind: 'plan-started', on: '2026-06-01' }])
 * //=> { referralOn: '2026-03-05', planStartedOn: '2026-06-01' }
 */
export function censusDatesOf(events: readonly Pick<CaseEvent, 'kind' | 'on'>[]): CensusEventDates {
  const latest: { -readonly [Field in keyof CensusEventDates]?: LocalDate } = {};
  for (const event of events) {
    const field = event.kind in CENSUS_EVENT_FIELDS ? CENSUS_EVENT_FIELDS[event.kind as keyof typeof CENSUS_EVENT_FIELDS] : undefined;
    if (field === undefined) continue;
    const current = latest[field];
    if (current === undefined || compareLocalDates(event.on, current) > 0) latest[field] = event.on;
  }
  return latest;
}
