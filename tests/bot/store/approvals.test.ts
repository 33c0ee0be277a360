import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalStore } from '../../../bot/store/approvals.js';
import { CaseStore, type CaseRecord } from '../../../bot/store/cases.js';
import type { Database } from '../../../bot/store/database.js';
import { closureChecklistOn } from '../../../domain/closures/closure-checklist.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;
const SAM = { tenantId: 'tenant-a', userId: 'sam-object-id' };
const ALEX = { tenantId: 'tenant-a', userId: 'alex-object-id' };
const KIM = { tenantId: 'tenant-a', userId: 'kim-object-id' };
const AT = new Date('2026-03-10T09:00:00Z');
const LATER = new Date('2026-03-10T10:00:00Z');
const TODAY = on('2026-03-10');

describe.each(DATABASE_ENGINES)('closure approvals on $name', ({ open }) => {
  let database: Database;
  let cases: CaseStore;
  let approvals: ApprovalStore;
  let record: CaseRecord;
  beforeEach(async () => {
    database = await open();
    cases = new CaseStore(database.db, POLICIES, calendar);
    approvals = new ApprovalStore(database.db, cases);
    const opened = await cases.openCase(
      { tenantId: 'tenant-a', reference: 'AB12', initials: 'A.B.', authorityId: 'brighton-and-hove', team: 'north', workerId: SAM.userId, pathways: [], openedOn: on('2026-01-05') },
      SAM,
      AT,
    );
    if (!opened.ok) throw new Error(opened.error.kind);
    record = opened.value;
    await cases.recordEvent(record, { kind: 'review-held', on: on('2026-03-03') }, SAM, TODAY, AT);
  });
  afterEach(() => database.close());

  const sent = async () => {
    const policy = POLICIES.find((candidate) => candidate.authority.id === 'brighton-and-hove');
    if (!policy) throw new Error('policy');
    const events = (await cases.eventsOf(record.id)).map((recorded) => recorded.event);
    const checklist = closureChecklistOn({ authorityId: record.authorityId, pathways: [], events, reviews: [] }, 'closure', new Set(), TODAY, policy, calendar);
    const request = await approvals.send(record, checklist, [], [ALEX.userId, KIM.userId], SAM, AT);
    if (!request.ok) throw new Error(request.error.kind);
    return request.value;
  };

  it('lets exactly one of two managers deciding at once win, and closes the case once', async () => {
    const request = await sent();
    const outcomes = await Promise.all([
      approvals.decide(request.id, request.version, 'approved', undefined, record, ALEX, TODAY, LATER),
      approvals.decide(request.id, request.version, 'returned', 'Not yet', record, KIM, TODAY, LATER),
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'decided' : outcome.error.kind)).sort()).toEqual(['decided', 'too-late']);
    const winner = outcomes.find((outcome) => outcome.ok)?.value;
    const loser = outcomes.find((outcome) => !outcome.ok)?.error.approval;
    expect(loser?.status).toBe(winner?.status);
    expect(loser?.decidedBy).toBe(winner?.decidedBy);
    const closedEvents = (await cases.eventsOf(record.id)).filter((recorded) => recorded.event.kind === 'plan-closed');
    expect(closedEvents).toHaveLength(winner?.status === 'approved' ? 1 : 0);
    const decisions = await database.db.selectFrom('audit_log').select('action').where('action', 'in', ['closure.approved', 'closure.returned']).execute();
    expect(decisions).toHaveLength(1);
  });

  it('ends, with the approval, the obligations of a review booked for after it and cancels every pending reminder of the case', async () => {
    await cases.recordEvent(record, { kind: 'review-booked', on: on('2026-03-10'), reviewOn: on('2026-06-03') }, SAM, TODAY, AT);
    const owedBefore = await database.db.selectFrom('obligations').select(['rule_id', 'due_on']).where('case_id', '=', record.id).where('done_on', 'is', null).execute();
    expect(owedBefore.length).toBeGreaterThan(0);
    await database.db
      .insertInto('reminder_outbox')
      .values(
        owedBefore.map((obligation, index) => ({
          idempotency_key: `closing-${index}`, tenant_id: 'tenant-a', case_id: record.id, rule_id: obligation.rule_id, due_on: obligation.due_on,
          kind: 'due-today' as const, recipient_role: 'worker' as const, send_after: LATER, status: 'pending' as const, created_at: AT,
        })),
      )
      .execute();
    const request = await sent();
    await approvals.decide(request.id, request.version, 'approved', undefined, record, ALEX, TODAY, LATER);
    const owed = await database.db.selectFrom('obligations').select('rule_id').where('case_id', '=', record.id).where('done_on', 'is', null).execute();
    expect(owed).toEqual([]);
    const reminders = await database.db.selectFrom('reminder_outbox').select(['status', 'last_outcome']).where('case_id', '=', record.id).execute();
    expect(reminders).toEqual(owedBefore.map(() => ({ status: 'cancelled', last_outcome: 'case closed' })));
  });

  it('closes the case on the day of approval, ends its obligations, and queues the card updates and the worker\u2019s message', async () => {
    const request = await sent();
    const outcome = await approvals.decide(request.id, request.version, 'approved', undefined, record, ALEX, TODAY, LATER);
    expect(outcome.ok).toBe(true);
    expect(await cases.caseById(record.id)).toMatchObject({ status: 'closed', closedOn: '2026-03-10' });
    const owed = await database.db.selectFrom('obligations').select('rule_id').where('case_id', '=', record.id).where('done_on', 'is', null).execute();
    expect(owed).toEqual([]);
    const notices = await database.db.selectFrom('approval_notices').select(['kind', 'recipient_id']).orderBy('id').execute();
    expect(notices.map((notice) => `${notice.kind} ${notice.recipient_id}`)).toEqual([
      'card alex-object-id',
      'card kim-object-id',
      'card sam-object-id',
      'update-cards sam-object-id',
      'tell-requester sam-object-id',
    ]);
  });

  it('refuses a decision from a card showing an older version, and a second request while one waits', async () => {
    const request = await sent();
    const stale = await approvals.decide(request.id, request.version - 1, 'approved', undefined, record, ALEX, TODAY, LATER);
    expect(stale.ok ? 'decided' : stale.error.kind).toBe('too-late');
    expect(await approvals.saveDraft(record, 'step-down', [], SAM, LATER)).toEqual({ ok: false, error: { kind: 'already-sent' } });
    expect((await cases.caseById(record.id))?.status).toBe('open');
  });

  it('keeps one open request a case, updating the draft on each save', async () => {
    const firstSaved = await approvals.saveDraft(record, 'closure', ['a'], SAM, AT);
    const secondSaved = await approvals.saveDraft(record, 'closure', ['a', 'b'], SAM, LATER);
    if (!firstSaved.ok || !secondSaved.ok) throw new Error('sent');
    const [first, second] = [firstSaved.value, secondSaved.value];
    expect(second.id).toBe(first.id);
    expect(second.version).toBe(first.version + 1);
    expect(second.confirmed).toEqual(['a', 'b']);
  });
});
