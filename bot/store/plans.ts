import { sql } from 'kysely';
import { z } from 'zod';
import { LocalDateSchema, type LocalDate } from '../../domain/dates/local-date.js';
import type { Agreement } from '../../domain/plans/agreement.js';
import { MEETING_KINDS, type Plan } from '../../domain/plans/plan.js';
import type { ReviewOutcome } from '../../domain/closures/closure-checklist.js';
import { ACTION_PROGRESS, REVIEW_DECISIONS, type ReviewDecision } from '../../domain/plans/review.js';
import { appendAudit } from './audit.js';
import type { Actor, CaseRecord } from './cases.js';
import type { Db } from './database.js';

/** A plan as stored: every field a string as typed, so a draft keeps exactly what was written. */
export const StoredPlanSchema = z.strictObject({
  sections: z.record(z.string(), z.string()),
  actions: z.array(z.strictObject({ action: z.string(), owner: z.string(), dueOn: z.string(), outcome: z.string() })),
  reviewOn: z.string(),
});

const VersionRowSchema = z.object({
  version: z.number().int().positive(),
  status: z.enum(['draft', 'agreed']),
  plan: StoredPlanSchema,
  saved_by: z.string(),
  saved_at: z.date(),
  agreed_on: LocalDateSchema.nullable(),
  agreed_by: z.string().nullable(),
  agreed_at: z.date().nullable(),
  meeting: z.enum(MEETING_KINDS).nullable(),
});

const ReviewOutcomeRowSchema = z.object({ held_on: LocalDateSchema, decision: z.enum(REVIEW_DECISIONS) });

/** A draft: the next version, not yet agreed. */
export interface PlanDraft {
  readonly version: number;
  readonly plan: Plan;
  readonly savedBy: string;
  readonly savedAt: Date;
}

/** An agreed version: who agreed it, when, and at which meeting. */
export interface AgreedPlan extends PlanDraft {
  readonly agreement: Agreement;
  readonly agreedBy: string;
  readonly agreedAt: Date;
}

export const StoredReviewSchema = z.strictObject({
  progress: z.array(z.strictObject({ progress: z.enum(ACTION_PROGRESS), note: z.string() })),
  childViews: z.string(),
  familyViews: z.string(),
  agreement: z.string(),
});
export type StoredReview = z.infer<typeof StoredReviewSchema>;

/**
 * A case's CiN plan: its agreed versions (kept, never changed) and at most one draft, the next version. Saving a
 * draft overwrites the draft only; agreeing turns the draft into a version. Both are audited (version numbers
 * and dates only, never the plan's words).
 */
export class PlanStore {
  constructor(private readonly db: Db) {}

  /** The case's draft, if one is open. */
  async draftOf(record: CaseRecord): Promise<PlanDraft | undefined> {
    const row = await this.db.selectFrom('plan_versions').selectAll().where('case_id', '=', record.id).where('status', '=', 'draft').executeTakeFirst();
    if (!row) return undefined;
    const parsed = VersionRowSchema.parse(row);
    return { version: parsed.version, plan: parsed.plan, savedBy: parsed.saved_by, savedAt: parsed.saved_at };
  }

  /** Every agreed version of the case's plan, oldest first. */
  async agreedVersionsOf(record: CaseRecord): Promise<AgreedPlan[]> {
    const rows = await this.db.selectFrom('plan_versions').selectAll().where('case_id', '=', record.id).where('status', '=', 'agreed').orderBy('version').execute();
    return rows.map((row) => agreedOf(VersionRowSchema.parse(row)));
  }

  async agreedVersion(record: CaseRecord, version: number): Promise<AgreedPlan | undefined> {
    const row = await this.db
      .selectFrom('plan_versions')
      .selectAll()
      .where('case_id', '=', record.id)
      .where('version', '=', version)
      .where('status', '=', 'agreed')
      .executeTakeFirst();
    return row ? agreedOf(VersionRowSchema.parse(row)) : undefined;
  }

  /** The version now in force: the latest agreed. */
  async currentOf(record: CaseRecord): Promise<AgreedPlan | undefined> {
    return (await this.agreedVersionsOf(record)).at(-1);
  }

  /** Saves the draft as written, creating it as the next version if the case has none. Returns its version. */
  async saveDraft(record: CaseRecord, plan: Plan, actor: Actor, at: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const version = await upsertDraft(trx, record, plan, actor, at);
      await appendAudit(trx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'plan.draft-saved', caseReference: record.reference, detail: { version }, at });
      return version;
    });
  }

  /** Saves the plan and records it as agreed at the meeting: the draft becomes the case's newest version. */
  async agree(record: CaseRecord, plan: Plan, agreement: Agreement, actor: Actor, at: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const version = await upsertDraft(trx, record, plan, actor, at);
      await trx
        .updateTable('plan_versions')
        .set({ status: 'agreed', agreed_on: agreement.heldOn, agreed_by: actor.userId, agreed_at: at, meeting: agreement.meeting })
        .where('case_id', '=', record.id)
        .where('version', '=', version)
        .execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'plan.agreed',
        caseReference: record.reference,
        detail: { version, meeting: agreement.meeting, heldOn: agreement.heldOn, reviewOn: plan.reviewOn },
        at,
      });
      return version;
    });
  }

  /** Every review recorded on the case and what it decided, for the closure checklist. */
  async reviewOutcomesOf(caseId: string): Promise<ReviewOutcome[]> {
    const rows = await this.db.selectFrom('plan_reviews').select(['held_on', 'decision']).where('case_id', '=', caseId).orderBy('held_on').execute();
    return rows.map((row) => ReviewOutcomeRowSchema.parse(row)).map((row) => ({ heldOn: row.held_on, decision: row.decision }));
  }

  /** Records a review of an agreed version and what it decided. */
  async recordReview(record: CaseRecord, version: number, heldOn: LocalDate, decision: ReviewDecision, review: StoredReview, actor: Actor, at: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('plan_reviews')
        .values({ case_id: record.id, plan_version: version, held_on: heldOn, decision, review: JSON.stringify(StoredReviewSchema.parse(review)), recorded_by: actor.userId, recorded_at: at })
        .onConflict((conflict) =>
          conflict.columns(['case_id', 'held_on']).doUpdateSet((eb) => ({
            plan_version: eb.ref('excluded.plan_version'),
            decision: eb.ref('excluded.decision'),
            review: eb.ref('excluded.review'),
            recorded_by: eb.ref('excluded.recorded_by'),
            recorded_at: eb.ref('excluded.recorded_at'),
          })),
        )
        .execute();
      await appendAudit(trx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'plan.reviewed', caseReference: record.reference, detail: { version, heldOn, decision }, at });
    });
  }
}

async function upsertDraft(trx: Db, record: CaseRecord, plan: Plan, actor: Actor, at: Date): Promise<number> {
  // Serialise writers to one case's plan, so two submits cannot both create "the next version".
  await trx.selectFrom('cases').select('id').where('id', '=', record.id).forUpdate().execute();
  const stored = JSON.stringify(StoredPlanSchema.parse(plan));
  const updated = await trx
    .updateTable('plan_versions')
    .set({ plan: stored, saved_by: actor.userId, saved_at: at })
    .where('case_id', '=', record.id)
    .where('status', '=', 'draft')
    .returning('version')
    .executeTakeFirst();
  if (updated) return updated.version;
  const { latest } = await trx
    .selectFrom('plan_versions')
    .select(sql<number>`coalesce(max(version), 0)::int`.as('latest'))
    .where('case_id', '=', record.id)
    .executeTakeFirstOrThrow();
  const version = latest + 1;
  await trx.insertInto('plan_versions').values({ case_id: record.id, version, status: 'draft', plan: stored, saved_by: actor.userId, saved_at: at }).execute();
  return version;
}

function agreedOf(row: z.infer<typeof VersionRowSchema>): AgreedPlan {
  if (row.status !== 'agreed' || !row.agreed_on || !row.agreed_by || !row.agreed_at || !row.meeting) {
    throw new Error(`Plan version ${row.version} is recorded as agreed without who, when or at which meeting`);
  }
  return {
    version: row.version,
    plan: row.plan,
    savedBy: row.saved_by,
    savedAt: row.saved_at,
    agreement: { meeting: row.meeting, heldOn: row.agreed_on },
    agreedBy: row.agreed_by,
    agreedAt: row.agreed_at,
  };
}
