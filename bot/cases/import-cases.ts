import type { CaseEvent } from '../../domain/cases/case-events.js';
import { eventRefusalOn, type EventRefusal } from '../../domain/cases/event-refusal.js';
import type { EventKind } from '../../domain/cases/event-kinds.js';
import { compareLocalDates, type LocalDate } from '../../domain/dates/local-date.js';
import { assertNever, err, ok, type Result } from '../../domain/result.js';
import type { Config } from '../config.js';
import { LOCAL_TENANT_ID } from './identifiers.js';
import type { AuditStore } from '../store/audit.js';
import type { CaseRecord, CaseStore, CaseWriteRefusal, NewCase } from '../store/cases.js';
import type { RoleStore } from '../store/roles.js';
import type { Role } from '../store/tables.js';
import { CENSUS_DATE_COLUMNS, type CensusDateColumn, type ParsedCensusRow, type RejectedRow } from './census-csv.js';

/**
 * The tenant `npm run import` loads into: `--tenant`, else the app registration's tenant, else (no app
 * registration: local use) the local tenant. With an app id but neither, no Teams user would ever see the cases,
 * so it is refused with the reason.
 */
export function importTenantOf(flag: string | undefined, config: Config): Result<string, string> {
  if (flag !== undefined) return ok(flag);
  if (config.authentication === 'disabled-local') return ok(LOCAL_TENANT_ID);
  if (config.microsoftApp.tenantId !== undefined) return ok(config.microsoftApp.tenantId);
  return err('MicrosoftAppId is set but MicrosoftAppTenantId is not, so I cannot tell which tenant the cases belong to: give --tenant <tenant id>.');
}

/** The event each census date records. CINclosureDate records one only when the row has no CINPlanEndDate. */
export const CENSUS_DATE_EVENTS = {
  CINreferralDate: 'referral-received',
  AssessmentActualStartDate: 'assessment-started',
  AssessmentAuthorisationDate: 'assessment-completed',
  CINPlanStartDate: 'plan-started',
  CINPlanEndDate: 'plan-closed',
  CINclosureDate: 'plan-closed',
} as const satisfies Record<CensusDateColumn, EventKind>;

export interface ImportOptions {
  readonly audit: AuditStore;
  readonly cases: CaseStore;
  readonly roles: RoleStore;
  readonly tenantId: string;
  /** An admin's Entra object id, or `system:import` for the command line. */
  readonly actorId: string;
  readonly today: LocalDate;
  readonly at: Date;
  /** Rows parseCensusCsv already turned away: reported and counted with the rest. */
  readonly rejectedOnParsing?: readonly RejectedRow[];
}

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  /** Rows that matched their case exactly: a re-import of the same file leaves every row here. */
  readonly unchanged: number;
  readonly eventsRecorded: number;
  readonly rolesAssigned: number;
  /** Every row not loaded, by line. */
  readonly rejected: readonly RejectedRow[];
}

/**
 * Loads census rows as cases: opens or brings up to date the case of each row, records its census dates as
 * events (skipping those already recorded), and gives its worker and manager those roles in its team. Running
 * the same rows again changes nothing. A row whose dates the store would refuse is rejected whole, and the
 * others still load. One `cases.imported` audit entry carries the counts.
 *
 * @example
 * await importCases(parsed.rows, { audit, cases, roles, tenantId: 'local', actorId: 'system:import', today: '2026-06-01', at })
 * //=> { created: 1, updated: 0, unchanged: 0, eventsRecorded: 2, rolesAssigned: 2, rejected: [] }
 */
export async function importCases(rows: readonly ParsedCensusRow[], options: ImportOptions): Promise<ImportSummary> {
  const counts = { created: 0, updated: 0, unchanged: 0, eventsRecorded: 0, rolesAssigned: 0 };
  const rejected: RejectedRow[] = [...(options.rejectedOnParsing ?? [])];
  for (const row of rows) {
    const outcome = await importRow(row, options);
    if (outcome.kind === 'rejected') {
      rejected.push({ line: row.line, reference: row.reference, reason: outcome.reason });
      continue;
    }
    counts[outcome.kind] += 1;
    counts.eventsRecorded += outcome.eventsRecorded;
    counts.rolesAssigned += outcome.rolesAssigned;
  }
  rejected.sort((left, right) => left.line - right.line);
  await options.audit.append({
    tenantId: options.tenantId,
    actorId: options.actorId,
    action: 'cases.imported',
    detail: { rows: rows.length + (options.rejectedOnParsing?.length ?? 0), ...counts, rejected: rejected.length },
    at: options.at,
  });
  return { ...counts, rejected };
}

type RowOutcome =
  | { readonly kind: 'created' | 'updated' | 'unchanged'; readonly eventsRecorded: number; readonly rolesAssigned: number }
  | { readonly kind: 'rejected'; readonly reason: string };

interface DatedEvent {
  readonly column: CensusDateColumn;
  readonly event: CaseEvent;
}

async function importRow(row: ParsedCensusRow, options: ImportOptions): Promise<RowOutcome> {
  const { cases, tenantId, today, at } = options;
  const actor = { tenantId, userId: options.actorId };
  const openedOn = openedOnOf(row);
  const events = eventsOf(row);
  // Checked before anything is written, so a refused row leaves no half-loaded case behind.
  const refused = events.flatMap(({ column, event }) => {
    const refusal = eventRefusalOn(event, openedOn, today);
    return refusal ? [refusalWords(column, refusal)] : [];
  });
  if (refused.length > 0) return { kind: 'rejected', reason: refused.join('; ') };

  const existing = await cases.caseByReference(tenantId, row.reference);
  const wanted: NewCase = {
    tenantId,
    reference: row.reference,
    initials: row.initials,
    authorityId: row.authorityId,
    team: row.team,
    workerId: row.workerId,
    ...(row.managerId === undefined ? {} : { managerId: row.managerId }),
    // The census has no pathways; those set in chat are kept.
    pathways: existing?.pathways ?? [],
    openedOn,
  };
  const kind = existing === undefined ? 'created' : differs(existing, wanted) ? 'updated' : 'unchanged';
  const record = kind === 'unchanged' && existing ? existing : (await cases.upsertCase(wanted, actor, at)).record;

  const recordedBefore = new Set((await cases.eventsOf(record.id)).map(({ event }) => `${event.kind} ${event.on}`));
  let eventsRecorded = 0;
  for (const { column, event } of events) {
    if (recordedBefore.has(`${event.kind} ${event.on}`)) continue;
    const recorded = await cases.recordEvent(record, event, actor, today, at, { unlessRecorded: true });
    if (!recorded.ok) return { kind: 'rejected', reason: `${refusalWords(column, recorded.error)} (the row's earlier dates were kept)` };
    eventsRecorded += 1;
  }

  const closedOn = row.dates.CINclosureDate;
  // Recording plan-closed closes the case on the plan's end; the census closure date is the case's own.
  const current = closedOn === undefined ? undefined : await cases.caseByReference(tenantId, row.reference);
  const reclosed = closedOn !== undefined && (current?.status !== 'closed' || current.closedOn !== closedOn);
  if (reclosed) await cases.upsertCase({ ...wanted, closedOn }, actor, at);

  const rolesAssigned = (await assignUnlessHeld(row.workerId, 'worker', row, options)) + (row.managerId === undefined ? 0 : await assignUnlessHeld(row.managerId, 'manager', row, options));
  return { kind: kind === 'unchanged' && reclosed ? 'updated' : kind, eventsRecorded, rolesAssigned };
}

/** The referral opens the case; without one, the earliest date on the row does. */
function openedOnOf(row: ParsedCensusRow): LocalDate {
  const dates = CENSUS_DATE_COLUMNS.flatMap((column) => row.dates[column] ?? []).sort(compareLocalDates);
  const openedOn = row.dates.CINreferralDate ?? dates[0];
  // parseCensusCsv refuses a row without dates.
  if (openedOn === undefined) throw new Error(`Census row on line ${row.line} has no dates`);
  return openedOn;
}

/** The row's events in date order, each with the column it came from. */
function eventsOf(row: ParsedCensusRow): DatedEvent[] {
  return CENSUS_DATE_COLUMNS.flatMap((column): DatedEvent[] => {
    const on = row.dates[column];
    if (on === undefined || (column === 'CINclosureDate' && row.dates.CINPlanEndDate !== undefined)) return [];
    return [{ column, event: { kind: CENSUS_DATE_EVENTS[column], on } }];
  }).sort((left, right) => compareLocalDates(left.event.on, right.event.on));
}

function differs(existing: CaseRecord, wanted: NewCase): boolean {
  return (
    existing.initials !== wanted.initials ||
    existing.authorityId !== wanted.authorityId ||
    existing.team !== wanted.team ||
    existing.workerId !== wanted.workerId ||
    existing.managerId !== wanted.managerId ||
    existing.openedOn !== wanted.openedOn
  );
}

/** Assigns the role unless it is held already, so a re-import adds no `role.assigned` rows to the audit. */
async function assignUnlessHeld(userId: string, role: Role, row: ParsedCensusRow, options: ImportOptions): Promise<number> {
  const held = await options.roles.rolesOf(options.tenantId, userId);
  if (held.some((assignment) => assignment.role === role && assignment.team === row.team)) return 0;
  await options.roles.assign(options.tenantId, { userId, role, team: row.team }, options.actorId, options.at);
  return 1;
}

function refusalWords(column: CensusDateColumn, refusal: CaseWriteRefusal | EventRefusal): string {
  switch (refusal.kind) {
    case 'in-the-future':
      return `${column} ${refusal.on} is in the future (today is ${refusal.today})`;
    case 'before-case-opened':
      return `${column} ${refusal.on} is before the case opened on ${refusal.openedOn} (its CINreferralDate)`;
    case 'reference-taken':
      return `LAchildID ${refusal.reference} was taken while importing`;
    case 'no-such-event':
      return `${column} refers to an event that is no longer recorded`;
    default:
      return assertNever(refusal);
  }
}
