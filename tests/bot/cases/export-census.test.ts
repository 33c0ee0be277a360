import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCensusCsv } from '../../../bot/cases/census-csv.js';
import { exportCensus } from '../../../bot/cases/export-census.js';
import { importCases } from '../../../bot/cases/import-cases.js';
import { AuditStore } from '../../../bot/store/audit.js';
import { CaseStore } from '../../../bot/store/cases.js';
import { CensusStore } from '../../../bot/store/census.js';
import type { Database } from '../../../bot/store/database.js';
import { RoleStore } from '../../../bot/store/roles.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
const TODAY = on('2026-06-01');
const AT = new Date('2026-06-01T09:00:00Z');
const ADMIN = { tenantId: 'tenant-a', userId: 'admin-1' };
const HEADER = 'LAchildID,CINreferralDate,AssessmentActualStartDate,AssessmentAuthorisationDate,CINPlanStartDate,CINPlanEndDate,CINclosureDate,Initials,Authority,Team,Worker,Manager';

describe.each(DATABASE_ENGINES)('exportCensus on $name', ({ open }) => {
  let database: Database;
  let cases: CaseStore;
  beforeEach(async () => {
    database = await open();
    cases = new CaseStore(database.db, POLICIES, calendar);
  });
  afterEach(() => database.close());

  const load = async (tenantId: string, ...rows: string[]) => {
    const parsed = parseCensusCsv([HEADER, ...rows].join('\n'), TODAY);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const summary = await importCases(parsed.value.rows, { audit: new AuditStore(database.db), cases, roles: new RoleStore(database.db, []), tenantId, actorId: 'admin-1', today: TODAY, at: AT });
    expect(summary.rejected).toEqual([]);
  };
  const caseOf = async (reference: string) => {
    const record = await cases.caseByReference('tenant-a', reference);
    if (!record) throw new Error(`No case ${reference}`);
    return record;
  };

  it('writes the cases open in the period, or with a census date in it, from their latest recorded events', async () => {
    await load(
      'tenant-a',
      'OPEN1,2026-04-06,2026-04-07,,,,,O.P.,redbridge,North,w-1,m-1',
      // Closed before the period: left out.
      'GONE1,2025-01-06,,,,,2025-03-03,G.O.,redbridge,North,w-1,',
      // A plan that ended in the period, the case closing after it.
      'PLAN1,2025-11-03,,2025-12-01,2025-12-08,2026-04-20,2026-05-01,P.L.,camden,South,w-2,',
      // Closed in the period without a plan: its closure is not a plan end.
      'SHUT1,2026-01-05,,,,,2026-04-10,S.H.,camden,South,w-2,',
      // Opened after the period.
      'LATE1,2026-05-11,,,,,,L.A.,camden,South,w-2,',
    );
    await load('tenant-b', 'OTHER1,2026-04-06,,,,,,O.T.,camden,South,w-9,');
    const open1 = await caseOf('OPEN1');
    // Recorded in chat: a later assessment start, and a plan start withdrawn as a mistake.
    const again = await cases.recordEvent(open1, { kind: 'assessment-started', on: on('2026-04-14') }, ADMIN, TODAY, AT);
    const mistaken = await cases.recordEvent(open1, { kind: 'plan-started', on: on('2026-04-20') }, ADMIN, TODAY, AT);
    if (!again.ok || !mistaken.ok) throw new Error('Could not record');
    await cases.withdrawEvent(open1, mistaken.value.id, ADMIN, TODAY, AT);

    expect(await exportCensus(new CensusStore(database.db), 'tenant-a', on('2026-04-01'), on('2026-04-30'))).toBe(
      [
        HEADER,
        'OPEN1,2026-04-06,2026-04-14,,,,,O.P.,redbridge,North,w-1,m-1',
        'PLAN1,2025-11-03,,2025-12-01,2025-12-08,2026-04-20,2026-05-01,P.L.,camden,South,w-2,',
        'SHUT1,2026-01-05,,,,,2026-04-10,S.H.,camden,South,w-2,',
        '',
      ].join('\n'),
    );
  });

  it('reads back as the rows that were imported', async () => {
    const rows = ['AB12,2026-02-03,2026-02-05,2026-03-16,2026-03-30,,,A.B.,redbridge,North,w-1,m-1', 'CD34,2026-05-20,,,,,,C.D.,camden,South,w-2,'];
    await load('tenant-a', ...rows);
    expect(await exportCensus(new CensusStore(database.db), 'tenant-a', on('2026-04-01'), on('2027-03-31'))).toBe([HEADER, ...rows, ''].join('\n'));
  });

  it('writes only the header when the tenant has no cases in the period', async () => {
    expect(await exportCensus(new CensusStore(database.db), 'tenant-a', on('2026-04-01'), on('2027-03-31'))).toBe(`${HEADER}\n`);
  });
});
