import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface AuditEntry {
  readonly tenantId: string;
  /** The Entra object id of who did it, or `system:<job>` for the bot's own work (retention, import). */
  readonly actorId: string;
  /** `<noun>.<act>`: case.opened, event.recorded, event.withdrawn, role.assigned, case.deleted-after-retention… */
  readonly action: string;
  readonly caseReference?: string;
  /** Ids, dates and codes only: never names, never free text a worker typed. */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

/** Appends one row to the audit log; the table refuses updates and deletes (migration 0002). */
export async function appendAudit(db: Kysely<Tables>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      case_reference: entry.caseReference ?? null,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

/** The audit log for those outside bot/store/: appended to, and counted where a limit needs it. */
export class AuditStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async append(entry: AuditEntry): Promise<void> {
    await appendAudit(this.db, entry);
  }

  /** How many of `actions` the actor has on the case's audit since `since` (refusals audited in the last hour). */
  async countSince(filter: { readonly tenantId: string; readonly caseReference: string; readonly actorId: string; readonly actions: readonly string[] }, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('tenant_id', '=', filter.tenantId)
      .where('case_reference', '=', filter.caseReference)
      .where('actor_id', '=', filter.actorId)
      .where('action', 'in', [...filter.actions])
      .where('at', '>', since)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}
