import { appendAudit } from './audit.js';
import type { Actor } from './cases.js';
import type { Db } from './database.js';

/**
 * Which items of a moved-out family's transfer checklist are done. An item has no event of its own: ticking it
 * is doing it, audited once, and its weekly reminders stop.
 */
export class TransferChecklistStore {
  constructor(private readonly db: Db) {}

  /** The rule ids of the case's checklist items ticked done. */
  async doneOf(caseId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('transfer_checklist_done').select('rule_id').where('case_id', '=', caseId).execute();
    return new Set(rows.map((row) => row.rule_id));
  }

  async isDone(caseId: string, ruleId: string): Promise<boolean> {
    const done = await this.db.selectFrom('transfer_checklist_done').select('rule_id').where('case_id', '=', caseId).where('rule_id', '=', ruleId).executeTakeFirst();
    return done !== undefined;
  }

  /** Ticks an item done; the first tick is audited, a second changes nothing. */
  async tick(item: { readonly caseId: string; readonly caseReference: string; readonly ruleId: string }, actor: Actor, at: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const ticked = await trx
        .insertInto('transfer_checklist_done')
        .values({ case_id: item.caseId, rule_id: item.ruleId, done_by: actor.userId, done_at: at })
        .onConflict((conflict) => conflict.columns(['case_id', 'rule_id']).doNothing())
        .executeTakeFirst();
      if ((ticked.numInsertedOrUpdatedRows ?? 0n) > 0n) {
        await appendAudit(trx, {
          tenantId: actor.tenantId,
          actorId: actor.userId,
          action: 'transfer-checklist.done',
          caseReference: item.caseReference,
          detail: { ruleId: item.ruleId },
          at,
        });
      }
    });
  }
}
