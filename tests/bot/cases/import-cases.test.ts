import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCensusCsv, type CensusCsv } from '../../../bot/cases/census-csv.js';
import { importCases, type ImportOptions } from '../../../bot/cases/import-cases.js';
import { AuditStore } from '../../../bot/store/audit.js';
import { CaseStore } from '../../../bot/store/cases.js';
import type { Database } from '../../../bot/store/database.js';
import { RoleStore } from '../../../bot/store/roles.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';

const TODAY = '2026-06-01' as LocalDate; // Monday
const AT = new Date('2026-06-01T09:00:00Z');
const HEADER = 'LAchildID,CINreferralDate,AssessmentActualStartDate,AssessmentAuthorisationDate,CINPlanStartDate,CINPlanEndDate,CINclosureDate,Initials,Authority,Team,Worker,Manager';

function census(...rows: string[]): CensusCsv {
  const parsed = parseCensusCsv([HEADER, ...rows].join('\n'), TODAY);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const REDBRIDGE_REFERRAL = 'RB1,03/02/2026,,,,,,R.B.,Redbridge,North,w-north,m-north';
const CAMDEN_ASSESSED = 'CA1,2026-05-18,2026-05-19,2026-05-27,,,,C.A.,camden,South,w-south,m-south';

describe.each(DATABASE_ENGINES)('importCases on $name', ({ open }) => {
  let database: Database;
  let cases: CaseStore;
  let options: ImportOptions;
  beforeEach(async () => {
    database = await open();
    cases = new CaseStore(database.db, POLICIES, calendar);
    options = { audit: new AuditStore(database.db), cases, roles: new RoleStore(database.db, []), tenantId: 'tenant-a', actorId: 'admin-1', today: TODAY, at: AT };
  });
  afterEach(() => database.close());

  const run = (file: CensusCsv) => importCases(file.rows, { ...options, rejectedOnParsing: file.rejected });
  const caseOf = async (reference: string) => {
    const record = await cases.caseByReference('tenant-a', reference);
    if (!record) throw new Error(`No case ${reference}`);
    return record;
  };
  const eventsOn = async (reference: string) => (await cases.eventsOf((await caseOf(reference)).id)).map(({ event }) => `${event.on} ${event.kind}`);
  const auditActions = async () => (await database.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((row) => row.action);

  it('opens each case from its row, records its census dates as events and gives its people their roles', async () => {
    const summary = await run(census(REDBRIDGE_REFERRAL, CAMDEN_ASSESSED));
    expect(summary).toEqual({ created: 2, updated: 0, unchanged: 0, eventsRecorded: 4, rolesAssigned: 4, rejected: [] });
    expect(await caseOf('RB1')).toMatchObject({
      tenantId: 'tenant-a',
      initials: 'R.B.',
      authorityId: 'redbridge',
      team: 'North',
      workerId: 'w-north',
      managerId: 'm-north',
      status: 'open',
      openedOn: '2026-02-03', // 03/02/2026 is 3 February
    });
    expect(await eventsOn('RB1')).toEqual(['2026-02-03 referral-received']);
    expect(await eventsOn('CA1')).toEqual(['2026-05-18 referral-received', '2026-05-19 assessment-started', '2026-05-27 assessment-completed']);
    expect(await options.roles.everyAssignment('tenant-a')).toEqual([
      { userId: 'm-north', role: 'manager', team: 'North' },
      { userId: 'w-north', role: 'worker', team: 'North' },
      { userId: 'm-south', role: 'manager', team: 'South' },
      { userId: 'w-south', role: 'worker', team: 'South' },
    ]);
  });

  it('materialises the obligations: nothing yet for a Redbridge referral, the initial CIN review 2 weeks after a Camden assessment', async () => {
    await run(census(REDBRIDGE_REFERRAL, CAMDEN_ASSESSED));
    expect(await cases.obligationsOf(await caseOf('RB1'), TODAY)).toEqual([]);
    // Assessment completed Wednesday 27 May 2026 + 2 weeks = Wednesday 10 June 2026.
    const deadlines = await cases.deadlines('tenant-a', { workerId: 'w-south' });
    expect(deadlines.find((deadline) => deadline.ruleId === 'camden.initial-meeting.initial-cin-review')).toEqual({
      caseReference: 'CA1',
      ruleId: 'camden.initial-meeting.initial-cin-review',
      workerId: 'w-south',
      team: 'South',
      responsibleRole: 'worker',
      dueOn: '2026-06-10',
    });
    expect(await cases.deadlines('tenant-a', { workerId: 'w-north' })).toEqual([]);
  });

  it('changes nothing when the same file is imported again, apart from the one audit entry saying so', async () => {
    const file = census(REDBRIDGE_REFERRAL, CAMDEN_ASSESSED, 'CL1,2026-03-02,,,2026-03-09,2026-05-20,2026-05-29,C.L.,redbridge,North,w-north,');
    await run(file);
    const auditBefore = await auditActions();
    const eventsBefore = await eventsOn('CL1');
    expect(await run(file)).toEqual({ created: 0, updated: 0, unchanged: 3, eventsRecorded: 0, rolesAssigned: 0, rejected: [] });
    expect(await auditActions()).toEqual([...auditBefore, 'cases.imported']);
    expect(await eventsOn('CL1')).toEqual(eventsBefore);
    expect(await database.db.selectFrom('cases').select('reference').orderBy('reference').execute()).toEqual([
      { reference: 'CA1' },
      { reference: 'CL1' },
      { reference: 'RB1' },
    ]);
  });

  it('updates a case whose worker changed rather than adding another, and gives the new worker the role', async () => {
    await run(census(REDBRIDGE_REFERRAL));
    const before = await caseOf('RB1');
    const summary = await run(census('rb1,2026-02-03,2026-02-10,,,,,R.B.,redbridge,North,w-new,m-north'));
    expect(summary).toEqual({ created: 0, updated: 1, unchanged: 0, eventsRecorded: 1, rolesAssigned: 1, rejected: [] });
    expect(await caseOf('RB1')).toEqual({ ...before, workerId: 'w-new' });
    expect(await eventsOn('RB1')).toEqual(['2026-02-03 referral-received', '2026-02-10 assessment-started']);
    expect(await database.db.selectFrom('cases').select('reference').execute()).toEqual([{ reference: 'RB1' }]);
    expect((await options.roles.rolesOf('tenant-a', 'w-new')).map((role) => `${role.role} of ${role.team}`)).toEqual(['worker of North']);
  });

  it('closes a case on its census closure date, with the plan ending on its own date', async () => {
    await run(census('CL1,2026-03-02,,,2026-03-09,2026-05-20,2026-05-29,C.L.,redbridge,North,w-north,'));
    expect(await caseOf('CL1')).toMatchObject({ status: 'closed', openedOn: '2026-03-02', closedOn: '2026-05-29' });
    expect(await eventsOn('CL1')).toEqual(['2026-03-02 referral-received', '2026-03-09 plan-started', '2026-05-20 plan-closed']);
  });

  it('records a closure without a plan as the plan closing', async () => {
    await run(census('CL2,2026-03-02,,,,,2026-04-15,C.L.,redbridge,North,w-north,'));
    expect(await caseOf('CL2')).toMatchObject({ status: 'closed', closedOn: '2026-04-15' });
    expect(await eventsOn('CL2')).toEqual(['2026-03-02 referral-received', '2026-04-15 plan-closed']);
  });

  it('opens a case without a referral date on its earliest date', async () => {
    await run(census('NR1,,2026-04-07,2026-04-20,,,,N.R.,camden,South,w-south,'));
    expect((await caseOf('NR1')).openedOn).toBe('2026-04-07');
  });

  it('rejects a row whose dates the store would refuse, writing nothing of it, and still loads the others', async () => {
    const summary = await run(census(REDBRIDGE_REFERRAL, 'EA1,2026-05-10,2026-05-04,,,,,E.A.,camden,South,w-south,', 'FU1,2026-05-10,,,,,,Fiona,camden,South,w-south,', CAMDEN_ASSESSED));
    expect(summary).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      eventsRecorded: 4,
      rolesAssigned: 4,
      rejected: [
        { line: 3, reference: 'EA1', reason: 'AssessmentActualStartDate 2026-05-04 is before the case opened on 2026-05-10 (its CINreferralDate)' },
        { line: 4, reference: 'FU1', reason: 'Initials has more than 4 letters, so it looks like a name: give initials only' },
      ],
    });
    expect(await cases.caseByReference('tenant-a', 'EA1')).toBeUndefined();
    expect(await cases.caseByReference('tenant-a', 'FU1')).toBeUndefined();
    expect((await caseOf('CA1')).team).toBe('South');
  });

  it('keeps the pathways set in chat when a row updates the case', async () => {
    await cases.openCase(
      { tenantId: 'tenant-a', reference: 'RB1', initials: 'R.B.', authorityId: 'redbridge', team: 'North', workerId: 'w-old', pathways: ['disabled-children'], openedOn: '2026-02-03' as LocalDate },
      { tenantId: 'tenant-a', userId: 'w-old' },
      AT,
    );
    expect(await run(census(REDBRIDGE_REFERRAL))).toMatchObject({ created: 0, updated: 1 });
    expect(await caseOf('RB1')).toMatchObject({ workerId: 'w-north', pathways: ['disabled-children'] });
  });

  it('audits the import once, with counts and no rows', async () => {
    await run(census(REDBRIDGE_REFERRAL, 'FU1,2026-05-10,,,,,,Fiona,camden,South,w-south,'));
    const entries = await database.db.selectFrom('audit_log').select(['actor_id', 'case_reference', 'detail']).where('action', '=', 'cases.imported').execute();
    expect(entries).toEqual([
      {
        actor_id: 'admin-1',
        case_reference: null,
        detail: { rows: 2, created: 1, updated: 0, unchanged: 0, eventsRecorded: 1, rolesAssigned: 2, rejected: 1 },
      },
    ]);
  });
});
