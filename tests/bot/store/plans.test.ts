import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseStore, type CaseRecord } from '../../../bot/store/cases.js';
import type { Database } from '../../../bot/store/database.js';
import { PlanStore } from '../../../bot/store/plans.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import type { Plan } from '../../../domain/plans/plan.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';
import { calendar } from '../../helpers/policy.js';

const SAM = { tenantId: 'tenant-a', userId: 'sam-object-id' };
const PRIYA = { tenantId: 'tenant-a', userId: 'priya-object-id' };
const AT = new Date('2026-03-27T10:00:00Z');
const LATER = new Date('2026-05-08T10:00:00Z');
const plan = (task: string): Plan => ({
  sections: { 'child-voice': 'A. wants to stay at her school.' },
  actions: [{ action: task, owner: 'Family support worker', dueOn: '2026-04-24', outcome: 'Routines' }],
  reviewOn: '2026-05-08',
});

describe.each(DATABASE_ENGINES)('plans on $name', ({ open }) => {
  let database: Database;
  let plans: PlanStore;
  let record: CaseRecord;
  beforeEach(async () => {
    database = await open();
    plans = new PlanStore(database.db);
    const opened = await new CaseStore(database.db, POLICIES, calendar).openCase(
      { tenantId: 'tenant-a', reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'north', workerId: SAM.userId, pathways: [], openedOn: '2026-03-02' as LocalDate },
      SAM,
      AT,
    );
    if (!opened.ok) throw new Error(opened.error.kind);
    record = opened.value;
  });
  afterEach(() => database.close());

  it('keeps one draft a case, overwritten by each save, as the next version', async () => {
    expect(await plans.saveDraft(record, plan('Parenting course'), SAM, AT)).toBe(1);
    expect(await plans.saveDraft(record, plan('Parenting course, weekly'), PRIYA, LATER)).toBe(1);
    expect(await plans.draftOf(record)).toEqual({ version: 1, plan: plan('Parenting course, weekly'), savedBy: PRIYA.userId, savedAt: LATER });
    expect(await plans.agreedVersionsOf(record)).toEqual([]);
  });

  it('turns the draft into an agreed version with who, when and which meeting; the next draft is version 2', async () => {
    await plans.saveDraft(record, plan('Parenting course'), SAM, AT);
    expect(await plans.agree(record, plan('Parenting course'), { meeting: 'initial-meeting', heldOn: '2026-03-27' as LocalDate }, SAM, AT)).toBe(1);
    expect(await plans.draftOf(record)).toBeUndefined();
    expect(await plans.saveDraft(record, plan('School nurse'), SAM, LATER)).toBe(2);
    expect(await plans.agree(record, plan('School nurse'), { meeting: 'review', heldOn: '2026-05-08' as LocalDate }, SAM, LATER)).toBe(2);

    const versions = await plans.agreedVersionsOf(record);
    expect(versions.map((version) => [version.version, version.agreement, version.agreedBy, version.agreedAt])).toEqual([
      [1, { meeting: 'initial-meeting', heldOn: '2026-03-27' }, SAM.userId, AT],
      [2, { meeting: 'review', heldOn: '2026-05-08' }, SAM.userId, LATER],
    ]);
    // The earlier version stays as it was agreed.
    expect((await plans.agreedVersion(record, 1))?.plan).toEqual(plan('Parenting course'));
    expect((await plans.currentOf(record))?.version).toBe(2);
  });

  it('audits drafts, agreements and reviews with version numbers and dates, never the plan\u2019s words', async () => {
    await plans.saveDraft(record, plan('Parenting course'), SAM, AT);
    await plans.agree(record, plan('Parenting course'), { meeting: 'initial-meeting', heldOn: '2026-03-27' as LocalDate }, SAM, AT);
    const review = { progress: [{ progress: 'on-track' as const, note: 'Going well' }], childViews: 'Happy', familyViews: 'Keen', agreement: '' };
    await plans.recordReview(record, 1, '2026-05-08' as LocalDate, 'continue', review, SAM, LATER);
    // Pressed twice: one review that day, the second press correcting it.
    await plans.recordReview(record, 1, '2026-05-08' as LocalDate, 'amend', review, SAM, LATER);
    const reviews = await database.db.selectFrom('plan_reviews').select(['held_on', 'decision']).where('case_id', '=', record.id).execute();
    expect(reviews).toEqual([{ held_on: '2026-05-08', decision: 'amend' }]);

    const audit = await database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'plan.%').orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['plan.draft-saved', 'plan.agreed', 'plan.reviewed', 'plan.reviewed']);
    expect(audit[1]?.detail).toEqual({ version: 1, meeting: 'initial-meeting', heldOn: '2026-03-27', reviewOn: '2026-05-08' });
    expect(JSON.stringify(audit)).not.toMatch(/Parenting|Happy|Keen/);
  });

  it('refuses a second draft of the same case at the database itself', async () => {
    await plans.saveDraft(record, plan('Parenting course'), SAM, AT);
    await expect(
      database.db.insertInto('plan_versions').values({ case_id: record.id, version: 5, status: 'draft', plan: JSON.stringify(plan('x')), saved_by: SAM.userId, saved_at: AT }).execute(),
    ).rejects.toThrow();
  });
});
