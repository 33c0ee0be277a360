import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseStore, type CaseRecord, type NewCase } from '../../../bot/store/cases.js';
import type { Database } from '../../../bot/store/database.js';
import { RoleStore } from '../../../bot/store/roles.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
const SAM = { tenantId: 'tenant-a', userId: 'sam-object-id' };
const AT = new Date('2026-03-10T09:00:00Z');
const AB12: NewCase = {
  tenantId: 'tenant-a',
  reference: 'AB12',
  initials: 'A.B.',
  authorityId: 'redbridge',
  team: 'north',
  workerId: 'sam-object-id',
  pathways: [],
  openedOn: on('2026-03-01'),
};

describe.each(DATABASE_ENGINES)('cases on $name', ({ open }) => {
  let database: Database;
  let cases: CaseStore;
  beforeEach(async () => {
    database = await open();
    cases = new CaseStore(database.db, POLICIES, calendar);
  });
  afterEach(() => database.close());

  const opened = async (input: NewCase = AB12): Promise<CaseRecord> => {
    const result = await cases.openCase(input, SAM, AT);
    if (!result.ok) throw new Error(result.error.kind);
    return result.value;
  };
  const auditActions = async () =>
    (await database.db.selectFrom('audit_log').select(['action', 'case_reference', 'actor_id']).orderBy('id').execute()).map(
      (row) => `${row.action} ${row.case_reference ?? ''} by ${row.actor_id}`,
    );

  it('opens a case and finds it again by reference, in any case of letters', async () => {
    const record = await opened();
    expect(await cases.caseByReference('tenant-a', 'ab12')).toEqual(record);
    expect(await cases.caseByReference('tenant-b', 'AB12')).toBeUndefined();
  });

  it('keeps case references unique within a tenant, not across tenants', async () => {
    await opened();
    expect(await cases.openCase(AB12, SAM, AT)).toEqual({ ok: false, error: { kind: 'reference-taken', reference: 'AB12' } });
    expect((await cases.openCase({ ...AB12, tenantId: 'tenant-b' }, { ...SAM, tenantId: 'tenant-b' }, AT)).ok).toBe(true);
  });

  it('records an event, re-computes the obligations and materialises them by due date', async () => {
    const record = await opened();
    const recorded = await cases.recordEvent(record, { kind: 'plan-decision', on: on('2026-03-09') }, SAM, on('2026-03-10'), AT);
    expect(recorded.ok).toBe(true);
    // 9 March 2026 (Mon) + 15 working days = Monday 30 March
    expect(await cases.deadlines('tenant-a', { workerId: 'sam-object-id' })).toEqual([
      { caseReference: 'AB12', ruleId: 'redbridge.initial-meeting.convene', workerId: 'sam-object-id', team: 'north', responsibleRole: 'worker', dueOn: '2026-03-30' },
    ]);
    expect(await cases.deadlines('tenant-a', { dueOnOrBefore: on('2026-03-29') })).toEqual([]);
  });

  it('marks an obligation done when the event that fulfils it is recorded', async () => {
    const record = await opened();
    await cases.recordEvent(record, { kind: 'plan-decision', on: on('2026-03-09') }, SAM, on('2026-03-10'), AT);
    await cases.recordEvent(record, { kind: 'initial-meeting-held', on: on('2026-03-27') }, SAM, on('2026-03-27'), AT);
    const open = await cases.deadlines('tenant-a', {});
    // 27 March (Fri) + 10 working days, Good Friday and Easter Monday skipped = Tuesday 14 April
    expect(open.map((deadline) => [deadline.ruleId, deadline.dueOn])).toEqual([['redbridge.plan-circulation.send-copies', '2026-04-14']]);
  });

  it('re-computes from every event when two are recorded on one case at the same moment', async () => {
    const record = await opened();
    await Promise.all([
      cases.recordEvent(record, { kind: 'plan-decision', on: on('2026-03-09') }, SAM, on('2026-03-27'), AT),
      cases.recordEvent(record, { kind: 'initial-meeting-held', on: on('2026-03-27') }, SAM, on('2026-03-27'), AT),
    ]);
    // Whichever commits last must have seen the other: the meeting is done and its circulation is owed.
    const rows = await database.db.selectFrom('obligations').select(['rule_id', 'due_on', 'done_on']).orderBy('rule_id').execute();
    expect(rows).toEqual([
      { rule_id: 'redbridge.initial-meeting.convene', due_on: '2026-03-30', done_on: '2026-03-27' },
      { rule_id: 'redbridge.plan-circulation.send-copies', due_on: '2026-04-14', done_on: null },
    ]);
  });

  it('refuses an event in the future or before the case opened, recording nothing', async () => {
    const record = await opened();
    expect(await cases.recordEvent(record, { kind: 'visit-made', on: on('2026-03-11') }, SAM, on('2026-03-10'), AT)).toEqual({
      ok: false,
      error: { kind: 'in-the-future', on: '2026-03-11', today: '2026-03-10' },
    });
    expect(await cases.recordEvent(record, { kind: 'visit-made', on: on('2026-02-28') }, SAM, on('2026-03-10'), AT)).toEqual({
      ok: false,
      error: { kind: 'before-case-opened', on: '2026-02-28', openedOn: '2026-03-01' },
    });
    expect(await cases.eventsOf(record.id)).toEqual([]);
  });

  it('keeps a booked review\u2019s date, which may lie ahead, beside the day it was booked', async () => {
    const record = await opened({ ...AB12, authorityId: 'camden' });
    await cases.recordEvent(record, { kind: 'review-booked', on: on('2026-03-10'), reviewOn: on('2026-04-07') }, SAM, on('2026-03-10'), AT);
    expect((await cases.eventsOf(record.id)).map((recorded) => recorded.event)).toEqual([{ kind: 'review-booked', on: '2026-03-10', reviewOn: '2026-04-07' }]);
  });

  it('withdraws an event as an audited correction: the row stays, the obligations move back', async () => {
    const record = await opened();
    await cases.recordEvent(record, { kind: 'plan-decision', on: on('2026-03-09') }, SAM, on('2026-03-10'), AT);
    const meeting = await cases.recordEvent(record, { kind: 'initial-meeting-held', on: on('2026-03-27') }, SAM, on('2026-03-27'), AT);
    if (!meeting.ok) throw new Error('not recorded');
    expect((await cases.withdrawEvent(record, meeting.value.id, SAM, on('2026-03-27'), AT)).ok).toBe(true);
    expect((await cases.deadlines('tenant-a', {})).map((deadline) => deadline.ruleId)).toEqual(['redbridge.initial-meeting.convene']);
    expect(await database.db.selectFrom('case_events').select('withdrawn_by').where('id', '=', meeting.value.id).executeTakeFirst()).toEqual({ withdrawn_by: 'sam-object-id' });
    expect(await cases.withdrawEvent(record, meeting.value.id, SAM, on('2026-03-27'), AT)).toEqual({ ok: false, error: { kind: 'no-such-event', eventId: meeting.value.id } });
    expect(await auditActions()).toEqual([
      'case.opened AB12 by sam-object-id',
      'event.recorded AB12 by sam-object-id',
      'event.recorded AB12 by sam-object-id',
      'event.withdrawn AB12 by sam-object-id',
    ]);
  });

  it('keeps the latest census dates on the case as events are recorded and withdrawn', async () => {
    const record = await opened();
    const census = () =>
      database.db.selectFrom('cases').select(['referral_on', 'assessment_completed_on', 'plan_started_on', 'plan_closed_on']).where('id', '=', record.id).executeTakeFirst();
    await cases.recordEvent(record, { kind: 'referral-received', on: on('2026-03-02') }, SAM, on('2026-03-10'), AT);
    const later = await cases.recordEvent(record, { kind: 'referral-received', on: on('2026-03-05') }, SAM, on('2026-03-10'), AT);
    await cases.recordEvent(record, { kind: 'assessment-completed', on: on('2026-03-09') }, SAM, on('2026-03-10'), AT);
    expect(await census()).toEqual({ referral_on: '2026-03-05', assessment_completed_on: '2026-03-09', plan_started_on: null, plan_closed_on: null });
    if (!later.ok) throw new Error('not recorded');
    // Withdrawn, the later referral no longer counts: the earlier one is the case's referral again.
    await cases.withdrawEvent(record, later.value.id, SAM, on('2026-03-10'), AT);
    expect(await census()).toEqual({ referral_on: '2026-03-02', assessment_completed_on: '2026-03-09', plan_started_on: null, plan_closed_on: null });
  });

  it('closes the case when the plan is closed, and then owes nothing', async () => {
    const record = await opened();
    await cases.recordEvent(record, { kind: 'plan-decision', on: on('2026-03-09') }, SAM, on('2026-03-10'), AT);
    await cases.recordEvent(record, { kind: 'plan-closed', on: on('2026-03-20') }, SAM, on('2026-03-20'), AT);
    expect(await cases.caseByReference('tenant-a', 'AB12')).toMatchObject({ status: 'closed', closedOn: '2026-03-20' });
    expect(await cases.deadlines('tenant-a', {})).toEqual([]);
  });

  it('refuses to change or remove an audit row, for anyone', async () => {
    await opened();
    await expect(database.db.updateTable('audit_log').set({ action: 'nothing.happened' }).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await auditActions()).toEqual(['case.opened AB12 by sam-object-id']);
  });

  it('holds roles per team, adds the configured admins, and audits each change', async () => {
    const roles = new RoleStore(database.db, ['admin-object-id']);
    await roles.assign('tenant-a', { userId: 'sam-object-id', role: 'worker', team: 'north' }, 'admin-object-id', AT);
    await roles.assign('tenant-a', { userId: 'sam-object-id', role: 'worker', team: 'north' }, 'admin-object-id', AT);
    expect(await roles.rolesOf('tenant-a', 'sam-object-id')).toEqual([{ userId: 'sam-object-id', role: 'worker', team: 'north' }]);
    expect(await roles.rolesOf('tenant-b', 'sam-object-id')).toEqual([]);
    expect(await roles.rolesOf('tenant-a', 'admin-object-id')).toEqual([{ userId: 'admin-object-id', role: 'admin', team: '' }]);
    expect(await roles.withdraw('tenant-a', { userId: 'sam-object-id', role: 'worker', team: 'north' }, 'admin-object-id', AT)).toEqual({ ok: true, value: { userId: 'sam-object-id', role: 'worker', team: 'north' } });
    expect(await roles.rolesOf('tenant-a', 'sam-object-id')).toEqual([]);
    expect((await auditActions()).filter((line) => line.startsWith('role.'))).toEqual([
      'role.assigned  by admin-object-id',
      'role.assigned  by admin-object-id',
      'role.withdrawn  by admin-object-id',
    ]);
  });
});
