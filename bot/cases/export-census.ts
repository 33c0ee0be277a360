import { z } from 'zod';
import { EventKindSchema, type EventKind } from '../../domain/cases/event-kinds.js';
import { LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import type { CensusStore } from '../store/census.js';
import { formatCensusCsv, type CensusDateColumn, type CensusRow } from './census-csv.js';

/** Which recorded event fills each census date; CINclosureDate is the case's own closure date. */
const EVENT_COLUMNS = {
  'referral-received': 'CINreferralDate',
  'assessment-started': 'AssessmentActualStartDate',
  'assessment-completed': 'AssessmentAuthorisationDate',
  'plan-started': 'CINPlanStartDate',
  'plan-closed': 'CINPlanEndDate',
} as const satisfies Partial<Record<EventKind, CensusDateColumn>>;
const CENSUS_KINDS = Object.keys(EVENT_COLUMNS) as (keyof typeof EVENT_COLUMNS)[];

const CaseRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  initials: z.string(),
  authority_id: z.string(),
  team: z.string(),
  worker_id: z.string(),
  manager_id: z.string().nullable(),
  closed_on: LocalDateSchema.nullable(),
});

const LatestEventRowSchema = z.object({
  case_id: z.string(),
  kind: EventKindSchema,
  latest_on: LocalDateSchema,
});

/**
 * The tenant's cases as a census-style CSV (the columns of CENSUS_COLUMNS), for every case open at any time in
 * [from, to] or with a census date in it. Each date is the latest recorded event of its kind, withdrawn events
 * left out; a plan end is written only where a plan start is recorded, since a case closed without a plan
 * records its closure as the plan closing.
 *
 * @example
 * await exportCensus(new CensusStore(db), 'tenant-a', '2026-04-01', '2027-03-31')
 * //=> 'LAchildID,CINreferralDate,…,Manager\nAB12,2026-02-03,2026-02-05,,,,,A.B.,redbridge,north,w-1,m-1\n'
 */
export async function exportCensus(census: CensusStore, tenantId: string, from: LocalDate, to: LocalDate): Promise<string> {
  const caseRows = await census.casesInPeriod(tenantId, from, to, CENSUS_KINDS);
  const eventRows = await census.latestEvents(tenantId, CENSUS_KINDS);

  const latest = new Map<string, Map<EventKind, LocalDate>>();
  for (const row of eventRows) {
    const parsed = LatestEventRowSchema.parse(row);
    const ofCase = latest.get(parsed.case_id) ?? new Map<EventKind, LocalDate>();
    ofCase.set(parsed.kind, parsed.latest_on);
    latest.set(parsed.case_id, ofCase);
  }
  const rows = caseRows.map((row): CensusRow => {
    const parsed = CaseRowSchema.parse(row);
    const events = latest.get(parsed.id) ?? new Map<EventKind, LocalDate>();
    const dates: Partial<Record<CensusDateColumn, LocalDate>> = {};
    for (const kind of CENSUS_KINDS) {
      const on = events.get(kind);
      if (on !== undefined && (kind !== 'plan-closed' || events.has('plan-started'))) dates[EVENT_COLUMNS[kind]] = on;
    }
    if (parsed.closed_on !== null) dates.CINclosureDate = parsed.closed_on;
    return {
      reference: parsed.reference,
      initials: parsed.initials,
      authorityId: parsed.authority_id,
      team: parsed.team,
      workerId: parsed.worker_id,
      ...(parsed.manager_id === null ? {} : { managerId: parsed.manager_id }),
      dates,
    };
  });
  return formatCensusCsv(rows);
}
