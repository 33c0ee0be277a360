import { z } from 'zod';
import { EventKindSchema } from '../../domain/cases/event-kinds.js';
import { LocalDateSchema } from '../../domain/dates/local-date.js';
import { PathwaySchema, TopicSchema } from '../../domain/policy/schema.js';
import type { Question } from '../../domain/questions/question.js';
import { COMMON_TERMS, type Term } from '../../domain/questions/vocabulary.js';
import type { Asker, PendingQuestion, QuestionMemory } from '../ports.js';
import type { Db } from './database.js';

const TermSchema = z.enum(Object.keys(COMMON_TERMS) as [Term, ...Term[]]);

/** How long a half-asked question waits for its answer ("it was 3 March") before it is forgotten. */
const PENDING_FOR_MS = 30 * 60 * 1000;

const PendingQuestionSchema = z.strictObject({
  missing: z.enum(['authority', 'date', 'rule']),
  authorityId: z.string().optional(),
  question: z.strictObject({
    topic: TopicSchema.optional(),
    events: z.array(EventKindSchema),
    anchorDate: LocalDateSchema.optional(),
    severalDates: z.boolean().optional(),
    datedEvents: z.array(z.strictObject({ event: EventKindSchema, on: LocalDateSchema })).max(20).optional(),
    pathway: PathwaySchema.optional(),
    asksFrequency: z.boolean(),
    asksHowLong: z.boolean().optional(),
    asksFrom: z.boolean().optional(),
    asked: z.enum(['date', 'frequency', 'who', 'recipients', 'doer', 'contents', 'notice', 'duration', 'threshold', 'whether', 'manner', 'place']).optional(),
    askTerms: z.array(TermSchema).optional(),
    contextTerms: z.array(TermSchema).optional(),
    stems: z.array(z.string().max(5)).max(60).optional(),
    before: z.boolean().optional(),
    roleNamed: z.array(z.string().max(5)).max(20).optional(),
    figures: z.array(z.strictObject({ amount: z.number().int().positive().max(999), unit: z.enum(['workingDays', 'days', 'weeks', 'months']) })).max(20).optional(),
    ruleId: z.string().max(200).optional(),
  }),
});

// Every part of a question is kept: a part added to Question and not to the schema above fails to compile here
// (a strict schema would otherwise refuse every half-asked question that has it, and the turn would fail).
type UnkeptParts = Exclude<keyof Question, keyof z.infer<typeof PendingQuestionSchema>['question']>;
const _everyPartKept: [UnkeptParts] extends [never] ? true : UnkeptParts = true;

/**
 * Who follows which authority, and the question each user has half asked, in the database so that any bot
 * instance can complete it and a restart loses nothing.
 */
export function databaseQuestionMemory(db: Db): QuestionMemory {
  return {
    async authorityFor(asker) {
      const mine = await db
        .selectFrom('user_settings')
        .select('authority_id')
        .where('tenant_id', '=', asker.tenantId)
        .where('user_id', '=', asker.userId)
        .executeTakeFirst();
      if (mine) return mine.authority_id;
      const tenant = await db.selectFrom('tenant_settings').select('authority_id').where('tenant_id', '=', asker.tenantId).executeTakeFirst();
      return tenant?.authority_id;
    },

    async rememberUserAuthority(asker, authorityId) {
      await db
        .insertInto('user_settings')
        .values({ tenant_id: asker.tenantId, user_id: asker.userId, authority_id: authorityId, updated_at: new Date() })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'user_id']).doUpdateSet({ authority_id: authorityId, updated_at: new Date() }))
        .execute();
    },

    async takePendingQuestion(asker, now) {
      const row = await whereAsker(db.deleteFrom('pending_questions'), asker).returning(['pending', 'expires_at']).executeTakeFirst();
      if (!row || row.expires_at.getTime() <= now.getTime()) return undefined;
      return PendingQuestionSchema.parse(row.pending) as PendingQuestion;
    },

    async rememberPendingQuestion(asker, pending, now) {
      const values = {
        tenant_id: asker.tenantId,
        user_id: asker.userId,
        conversation_id: asker.conversationId,
        pending: JSON.stringify(PendingQuestionSchema.parse(pending)),
        expires_at: new Date(now.getTime() + PENDING_FOR_MS),
      };
      // A question nobody came back to would otherwise stay until that person's next message: clear them as
      // new ones arrive, so what is kept is never older than its 30 minutes by much.
      await db.deleteFrom('pending_questions').where('expires_at', '<=', now).execute();
      await db
        .insertInto('pending_questions')
        .values(values)
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'user_id', 'conversation_id']).doUpdateSet({ pending: values.pending, expires_at: values.expires_at }),
        )
        .execute();
    },
  };
}

/** The tenant admin's default authority for everyone in the tenant. */
export async function setTenantAuthority(db: Db, tenantId: string, authorityId: string): Promise<void> {
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, authority_id: authorityId, updated_at: new Date() })
    .onConflict((conflict) => conflict.column('tenant_id').doUpdateSet({ authority_id: authorityId, updated_at: new Date() }))
    .execute();
}

interface FiltersByAsker<Q> {
  where(column: 'tenant_id' | 'user_id' | 'conversation_id', operator: '=', value: string): Q;
}

function whereAsker<Q extends FiltersByAsker<Q>>(query: Q, asker: Asker): Q {
  return query.where('tenant_id', '=', asker.tenantId).where('user_id', '=', asker.userId).where('conversation_id', '=', asker.conversationId);
}
