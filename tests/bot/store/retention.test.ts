import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseStore, type CaseRecord } from '../../../bot/store/cases.js';
import type { Database } from '../../../bot/store/database.js';
import { applyRetention, removeCase } from '../../../bot/store/retention.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
const AT = new Date('2026-01-11T02:00:00Z');
const YEAR = 365;

describe.each(DATABASE_ENGINES)('retention on $name', ({ open }) => {
  let database: Database;
  let cases: CaseStore;
  beforeEach(async () => {
    database = await open();
    cases = new CaseStore(database.db, POLICIES, calendar);
  });
  afterEach(() => database.close());

  /** A Redbridge case opened with a plan decision (so it has events and obligations), closed on `closedOn` if given. */
  const aCase = async (tenantId: string, reference: string, openedOn: string, closedOn?: string): Promise<CaseRecord> => {
    const actor = { tenantId, userId: 'sam-object-id' };
    const opened = await cases.openCase(
      { tenantId, reference, initials: 'A.B.', authorityId: 'redbridge', team: 'north', workerId: 'sam-object-id', pathways: [], openedOn: on(openedOn) },
      actor,
      AT,
    );
    if (!opened.ok) throw new Error(opened.error.kind);
    await cases.recordEvent(opened.value, { kind: 'plan-decision', on: on(openedOn) }, actor, on(openedOn), AT);
    if (closedOn !== undefined) await cases.recordEvent(opened.value, { kind: 'plan-closed', on: on(closedOn) }, actor, on(closedOn), AT);
    return opened.value;
  };
  const rowsHeldFor = async (caseId: string) => ({
    cases: (await database.db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).length,
    events: (await database.db.selectFrom('case_events').select('id').where('case_id', '=', caseId).execute()).length,
    obligations: (await database.db.selectFrom('obligations').select('rule_id').where('case_id', '=', caseId).execute()).length,
  });
  const auditOf = async (action: string) =>
    (await database.db.selectFrom('audit_log').select(['tenant_id', 'actor_id', 'case_reference', 'detail', 'at']).where('action', '=', action).orderBy('id').execute()).map(
      (row) => ({ ...row, at: row.at.toISOString() }),
    );
  const retain = (today: string) => applyRetention(database.db, { retentionDaysAfterClosure: YEAR, today: on(today), at: AT });

  describe('applyRetention', () => {
    // Convention: closed on day C with N days' retention, the case is kept through C + N and deleted from C + N + 1.
    it('keeps a case closed on Friday 10 January 2025 for 365 days, through Saturday 10 January 2026', async () => {
      const closed = await aCase('tenant-a', 'AB12', '2024-12-02', '2025-01-10');
      expect(await retain('2026-01-10')).toEqual([]);
      expect(await rowsHeldFor(closed.id)).toEqual({ cases: 1, events: 2, obligations: 0 });
      expect(await auditOf('case.deleted-after-retention')).toEqual([]);
    });

    it('deletes it on Sunday 11 January 2026 with its events, writing one audit row that keeps the reference', async () => {
      const closed = await aCase('tenant-a', 'AB12', '2024-12-02', '2025-01-10');
      expect(await retain('2026-01-11')).toEqual([{ tenantId: 'tenant-a', reference: 'AB12', closedOn: '2025-01-10' }]);
      expect(await rowsHeldFor(closed.id)).toEqual({ cases: 0, events: 0, obligations: 0 });
      expect(await auditOf('case.deleted-after-retention')).toEqual([
        { tenant_id: 'tenant-a', actor_id: 'system:retention', case_reference: 'AB12', detail: { closedOn: '2025-01-10', retentionDays: 365 }, at: '2026-01-11T02:00:00.000Z' },
      ]);
      // What the case did before it went stays in the log too: references and codes only.
      expect((await database.db.selectFrom('audit_log').select('action').where('case_reference', '=', 'AB12').orderBy('id').execute()).map((row) => row.action)).toEqual([
        'case.opened',
        'event.recorded',
        'event.recorded',
        'case.deleted-after-retention',
      ]);
    });

    it('never touches an open case, however old, nor one closed too recently, in any tenant', async () => {
      const openSince2020 = await aCase('tenant-a', 'OLD1', '2020-04-01');
      const closedLater = await aCase('tenant-a', 'CD34', '2024-12-02', '2025-01-11');
      const otherTenantExpired = await aCase('tenant-b', 'AB12', '2024-12-02', '2024-12-31');
      const otherTenantOpen = await aCase('tenant-b', 'EF56', '2021-09-01');
      expect(await retain('2026-01-11')).toEqual([{ tenantId: 'tenant-b', reference: 'AB12', closedOn: '2024-12-31' }]);
      expect(await rowsHeldFor(openSince2020.id)).toEqual({ cases: 1, events: 1, obligations: 1 });
      expect(await rowsHeldFor(closedLater.id)).toEqual({ cases: 1, events: 2, obligations: 0 });
      expect(await rowsHeldFor(otherTenantExpired.id)).toEqual({ cases: 0, events: 0, obligations: 0 });
      expect(await rowsHeldFor(otherTenantOpen.id)).toEqual({ cases: 1, events: 1, obligations: 1 });
      // 11 January 2025 + 365 days = 11 January 2026, its last day; it goes on Monday 12 January.
      expect(await retain('2026-01-12')).toEqual([{ tenantId: 'tenant-a', reference: 'CD34', closedOn: '2025-01-11' }]);
    });

    it('deletes nothing more and audits nothing more when run again', async () => {
      await aCase('tenant-a', 'AB12', '2024-12-02', '2025-01-10');
      await aCase('tenant-a', 'CD34', '2024-12-02', '2025-03-01');
      expect(await retain('2026-01-11')).toHaveLength(1);
      expect(await retain('2026-01-11')).toEqual([]);
      expect(await auditOf('case.deleted-after-retention')).toHaveLength(1);
    });

    it('audits each case once when two instances run it at the same moment', async () => {
      await aCase('tenant-a', 'AB12', '2024-12-02', '2025-01-10');
      await aCase('tenant-a', 'CD34', '2024-12-02', '2025-01-09');
      const [first, second] = await Promise.all([retain('2026-01-11'), retain('2026-01-11')]);
      expect([...first, ...second].map((deleted) => deleted.reference).sort()).toEqual(['AB12', 'CD34']);
      expect((await auditOf('case.deleted-after-retention')).map((row) => row.case_reference).sort()).toEqual(['AB12', 'CD34']);
    });

    it('works through more cases than one batch holds, oldest closure first', async () => {
      // 501 closed cases written directly (the batch is 500), closed 1 to 501 days before 1 June 2024:
      // from Friday 31 May 2024 back to Tuesday 17 January 2023 (366 days to 1 June 2023, then 135 more).
      const rows = Array.from({ length: 501 }, (_, index) => {
        const closedOn = new Date(Date.UTC(2024, 5, 1 - (index + 1))).toISOString().slice(0, 10);
        return {
          id: `case-${index}`,
          tenant_id: 'tenant-a',
          reference: `R${String(index).padStart(4, '0')}`,
          initials: 'A.B.',
          authority_id: 'redbridge',
          team: 'north',
          worker_id: 'sam-object-id',
          manager_id: null,
          pathways: '[]',
          status: 'closed' as const,
          opened_on: '2020-01-01',
          closed_on: closedOn,
          created_at: AT,
          updated_at: AT,
        };
      });
      await database.db.insertInto('cases').values(rows).execute();
      const deleted = await retain('2026-01-11');
      expect(deleted).toHaveLength(501);
      expect(deleted[0]).toEqual({ tenantId: 'tenant-a', reference: 'R0500', closedOn: '2023-01-17' });
      expect(deleted[500]).toEqual({ tenantId: 'tenant-a', reference: 'R0000', closedOn: '2024-05-31' });
      expect(await auditOf('case.deleted-after-retention')).toHaveLength(501);
      expect(await database.db.selectFrom('cases').select('id').execute()).toEqual([]);
    });

    it('refuses a retention period that is not a whole number of days', async () => {
      await expect(applyRetention(database.db, { retentionDaysAfterClosure: 0, today: on('2026-01-11'), at: AT })).rejects.toThrow(RangeError);
      await expect(applyRetention(database.db, { retentionDaysAfterClosure: 1.5, today: on('2026-01-11'), at: AT })).rejects.toThrow(RangeError);
    });
  });

  describe('removeCase', () => {
    it('removes an open case with its events and obligations at once, audited as the admin, in that tenant only', async () => {
      const removed = await aCase('tenant-a', 'AB12', '2025-11-03');
      const sameReferenceElsewhere = await aCase('tenant-b', 'AB12', '2025-11-03');
      expect(await rowsHeldFor(removed.id)).toEqual({ cases: 1, events: 1, obligations: 1 });
      expect(await removeCase(database.db, 'tenant-a', 'ab12', 'admin-object-id', AT)).toEqual({
        ok: true,
        value: { tenantId: 'tenant-a', reference: 'AB12', status: 'open' },
      });
      expect(await rowsHeldFor(removed.id)).toEqual({ cases: 0, events: 0, obligations: 0 });
      expect(await rowsHeldFor(sameReferenceElsewhere.id)).toEqual({ cases: 1, events: 1, obligations: 1 });
      expect(await auditOf('case.removed-by-admin')).toEqual([
        { tenant_id: 'tenant-a', actor_id: 'admin-object-id', case_reference: 'AB12', detail: { status: 'open', openedOn: '2025-11-03' }, at: '2026-01-11T02:00:00.000Z' },
      ]);
    });

    it('removes a closed case too, noting when it closed', async () => {
      await aCase('tenant-a', 'AB12', '2025-11-03', '2025-12-19');
      expect((await removeCase(database.db, 'tenant-a', 'AB12', 'admin-object-id', AT)).ok).toBe(true);
      expect((await auditOf('case.removed-by-admin')).map((row) => row.detail)).toEqual([{ status: 'closed', openedOn: '2025-11-03', closedOn: '2025-12-19' }]);
    });

    it('says there is no such case, removing and auditing nothing', async () => {
      await aCase('tenant-b', 'AB12', '2025-11-03');
      expect(await removeCase(database.db, 'tenant-a', 'AB12', 'admin-object-id', AT)).toEqual({ ok: false, error: { kind: 'no-such-case', reference: 'AB12' } });
      expect(await auditOf('case.removed-by-admin')).toEqual([]);
    });
  });
});
