import { inParallel } from '../../bot/reminders/send-pace.js';
import type { CaseStore } from '../../bot/store/cases.js';
import type { ConversationStore } from '../../bot/store/conversation-references.js';
import type { LocalDate } from '../../domain/dates/local-date.js';

export const BENCH_TENANT = 'bench-tenant';

/** A Redbridge plan decided on Monday 9 March 2026: the initial meeting is due Monday 30 March, so its 5-working-days-before reminder goes on Monday 23 March. */
const OPENED_ON = '2026-03-01' as LocalDate;
const PLAN_DECIDED_ON = '2026-03-09' as LocalDate;
const SEEDED_AT = new Date('2026-03-09T09:00:00Z');

export interface BenchWorker {
  readonly userId: string;
  readonly conversationId: string;
  readonly caseReference: string;
}

/** The n-th worker, with their own case and one-to-one chat. */
export function benchWorker(index: number): BenchWorker {
  const number = String(index + 1).padStart(5, '0');
  return { userId: `bench-worker-${number}`, conversationId: `a:bench-chat-${number}`, caseReference: `BR${number}` };
}

/**
 * Opens `count` Redbridge cases, one per worker, records each plan decision, and stores each worker's personal
 * chat at `serviceUrl`, through the bot's own stores (`concurrency` at a time: 1 for PGlite, which runs one
 * statement at a time anyway). Returns the workers.
 *
 * @example
 * const workers = await seedReminderCases({ cases, conversations, count: 2_000, serviceUrl, concurrency: 8 });
 */
export async function seedReminderCases(options: {
  readonly cases: CaseStore;
  readonly conversations: ConversationStore;
  readonly count: number;
  readonly serviceUrl: string;
  readonly concurrency: number;
}): Promise<BenchWorker[]> {
  const workers = Array.from({ length: options.count }, (_, index) => benchWorker(index));
  await inParallel(workers, options.concurrency, async (worker) => {
    const actor = { tenantId: BENCH_TENANT, userId: worker.userId };
    const opened = await options.cases.openCase(
      { tenantId: BENCH_TENANT, reference: worker.caseReference, initials: 'X.Y.', authorityId: 'redbridge', team: 'North', workerId: worker.userId, pathways: [], openedOn: OPENED_ON },
      actor,
      SEEDED_AT,
    );
    if (!opened.ok) throw new Error(`Case ${worker.caseReference} was not opened: ${opened.error.kind}`);
    const recorded = await options.cases.recordEvent(opened.value, { kind: 'plan-decision', on: PLAN_DECIDED_ON }, actor, PLAN_DECIDED_ON, SEEDED_AT);
    if (!recorded.ok) throw new Error(`The plan decision on ${worker.caseReference} was refused: ${recorded.error.kind}`);
    await options.conversations.remember(
      {
        tenantId: BENCH_TENANT,
        conversationId: worker.conversationId,
        kind: 'personal',
        userId: worker.userId,
        address: { channelId: 'msteams', serviceUrl: options.serviceUrl, conversation: { id: worker.conversationId, conversationType: 'personal', tenantId: BENCH_TENANT }, bot: { id: '28:bench-bot' } },
      },
      SEEDED_AT,
    );
  });
  return workers;
}
